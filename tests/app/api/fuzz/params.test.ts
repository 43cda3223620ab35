/**
 * Bad params and query strings on every route: arbitrary `[tenantId]` and `[featureName]`
 * segments (unicode, percent-encodings, encoded slashes, dots, look-alikes of real tenant ids,
 * very long) and arbitrary query strings (known parameter names with wrong values, unknown
 * names, repeats, malformed escapes), sent by the admin with a tenant active; a write carries a
 * valid body, so the params and the query are all that is wrong. Never a 5xx, a refusal is a
 * clear 4xx, and a refusal changed nothing at the emulator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FEATURE_NAMES } from '@/lib/genesys/schemas/organization';
import {
  check,
  decodeSegment,
  FEATURE,
  fuzzSettings,
  send,
  setupFuzzSuite,
  tenantArb,
  TENANT_IDS,
  type Sample,
  type Target,
} from './support';
import type { TenantId } from '../isolation/support';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const suite = setupFuzzSuite();

interface Segment {
  segment: string;
  param: string;
}

const raw = (segment: string): Segment => ({ segment, param: decodeSegment(segment) });
const encoded = (param: string): Segment => ({ segment: encodeURIComponent(param), param });

/** Pieces of hostile path segments: escapes (valid, invalid, overlong), dots, slashes. */
const PIECES = [
  '%',
  '%2F',
  '%2f',
  '%2e',
  '%2E%2E',
  '%00',
  '%zz',
  '%C0%AE',
  '%E2%80%AE',
  '.',
  '..',
  '/',
  '\\',
  'a',
  '-',
  '0',
];

/** Look-alikes of a granted tenant id. */
const lookAlikes = (t: string): Segment[] => [
  encoded(t.toUpperCase()),
  encoded(` ${t}`),
  encoded(`${t}\n`),
  raw(`${t}%00`),
  raw(`${t}/../globex-eu`),
  raw(`..%2F${t}`),
  encoded(`${t}.`),
  encoded(t.replace('a', '\u0430')), // Cyrillic а
  encoded(t.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))), // full-width
  raw(encodeURIComponent(encodeURIComponent(t))),
];

const segmentArb = (valid: readonly string[]): fc.Arbitrary<Segment> =>
  fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map(encoded), weight: 4 },
    { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => raw(p.join(''))), weight: 2 },
    { arbitrary: fc.integer({ min: 60, max: 5_000 }).map((n) => encoded('a'.repeat(n))), weight: 1 },
    { arbitrary: fc.constantFrom(...valid).chain((v) => fc.constantFrom(...lookAlikes(v))), weight: 2 },
    { arbitrary: fc.constantFrom(...valid).map(encoded), weight: 1 },
    {
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ').map(encoded),
      weight: 1,
    },
  );

const KNOWN_KEYS = [
  'pageSize',
  'pageNumber',
  'page',
  'sort',
  'dir',
  'columns',
  'q',
  'state',
  'division',
  'from',
  'to',
  'limit',
  'tenant',
  'user',
  'action',
  'result',
  'before',
  'expand',
  '__proto__',
  'constructor',
];

const queryValue = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1e3',
      'NaN',
      'Infinity',
      '25',
      '100',
      '101',
      '1.5',
      ' 5 ',
      '0x10',
      'asc',
      'desc',
      'name',
      'email,email',
      'id,name,email',
      ',,,',
      'active',
      'org.update',
      'success',
      'acme-prod',
      'globex-eu',
      '2025-01-31T14:00',
      '2025-02-30T00:00',
      '2025-01-31T14:00:00.000Z',
      '1-1',
      '99999999999999999-1',
      '00000000-0000-4000-8000-000000000000',
    ),
    weight: 3,
  },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => '9'.repeat(n)), weight: 1 },
);

interface Query {
  query: string;
  strings: string[];
}

const queryArb: fc.Arbitrary<Query> = fc.oneof(
  {
    arbitrary: fc
      .array(
        fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ unit: 'binary', maxLength: 20 })), queryValue),
        { maxLength: 8 },
      )
      .map((pairs) => {
        const search = new URLSearchParams(pairs).toString();
        return { query: search ? `?${search}` : '', strings: pairs.flat() };
      }),
    weight: 4,
  },
  {
    arbitrary: fc
      .array(fc.constantFrom('%', '&', '=', '+', 'a', '1', '[]', '.', ';', '%zz', '%00', '%C0', '?', 'limit', 'from'), {
        maxLength: 30,
      })
      .map((p) => ({ query: `?${p.join('')}`, strings: [] })),
    weight: 1,
  },
);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === 'route.ts' ? [join(dir, entry.name)] : [],
  );
}

const tenantTargets = () => suite.targets.filter((t) => t.kind === 'tenant');

async function sampleFor(
  target: Target,
  tenant: TenantId,
  tenantSegment: Segment,
  feature: Segment,
  q: Query,
): Promise<Sample> {
  const valid = target.validBody?.(await suite.state(tenant));
  return {
    tenant,
    tenantSegment: tenantSegment.segment,
    tenantParam: tenantSegment.param,
    featureSegment: feature.segment,
    featureParam: feature.param,
    query: q.query,
    body: valid ? { payload: JSON.stringify(valid), contentType: 'application/json' } : undefined,
    inputs: [tenantSegment.param, feature.param, ...q.strings],
  };
}

const PARAM_RUNS = 60;
const QUERY_RUNS = { reads: 80, ignores: 15 };

describe('bad params: never a 5xx, a clear 4xx, nothing changed upstream', () => {
  it('covers every route handler of app/api (but the input-less health check)', () => {
    const inputLess = join('app', 'api', 'health', 'route.ts');
    const labels = routeFiles('app/api')
      .filter((file) => file !== inputLess)
      .flatMap((file) => {
        const name = file
          .replace(/^app\/api\//, '')
          .replace(/^tenants\/\[tenantId\]\//, '')
          .replace(/\/route\.ts$/, '');
        const methods = readFileSync(file, 'utf8').matchAll(
          /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        );
        return [...methods].map((m) => `${m[1]} ${name}`);
      });
    expect(suite.targets.map((t) => t.label).sort()).toEqual(labels.sort());
  });

  it(`[tenantId] and [featureName] of every tenant route (${PARAM_RUNS} runs each)`, async () => {
    let refused = 0;
    let total = 0;
    for (const [index, target] of tenantTargets().entries()) {
      await fc.assert(
        fc.asyncProperty(
          tenantArb,
          segmentArb(TENANT_IDS),
          target.hasFeatureParam ? segmentArb(FEATURE_NAMES) : fc.constant(encoded(FEATURE)),
          async (tenant, segment, feature) => {
            const s = await sampleFor(target, tenant, segment, feature, { query: '', strings: [] });
            const answer = await send(suite, target, s);
            total++;
            if (answer.status >= 400) refused++;
            expect(await check(suite, target, s, answer)).toEqual([]);
          },
        ),
        fuzzSettings(7_200 + index, PARAM_RUNS),
      );
    }
    expect(refused).toBeGreaterThan(total / 2);
  }, 40_000);
});

describe('bad query strings: never a 5xx, a clear 4xx, nothing changed upstream', () => {
  it('covers every route, the audit log and its export included', () => {
    expect(suite.targets.filter((t) => t.readsQuery).map((t) => t.label)).toEqual(
      expect.arrayContaining(['GET audit', 'GET audit/export', 'GET snapshots/compare', 'GET users/view']),
    );
  });

  it(`every route's query (${QUERY_RUNS.reads} runs where it is read, ${QUERY_RUNS.ignores} where ignored)`, async () => {
    let refused = 0;
    for (const [index, target] of suite.targets.entries()) {
      await fc.assert(
        fc.asyncProperty(tenantArb, queryArb, async (tenant, q) => {
          const s = await sampleFor(target, tenant, encoded(tenant), encoded(FEATURE), q);
          const answer = await send(suite, target, s);
          if (answer.status >= 400) refused++;
          expect(await check(suite, target, s, answer)).toEqual([]);
        }),
        fuzzSettings(7_300 + index, target.readsQuery ? QUERY_RUNS.reads : QUERY_RUNS.ignores),
      );
    }
    // Strict readers refuse most of these: the fuzz reached query validation.
    expect(refused).toBeGreaterThan(0);
  }, 40_000);
});
