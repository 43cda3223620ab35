/**
 * Bad bodies on every route that takes one (the five tenant writes and searches, and sign-in):
 * arbitrary JSON, near-valid bodies with one thing wrong, prototype-pollution keys, deep
 * nesting, malformed text and bytes, wrong content types and bodies around the 64 KiB cap. The
 * admin (every capability, every tenant) sends them with the path tenant active, so they pass
 * the gate and meet validation. Whatever comes back is never a 5xx, a refusal is a clear 4xx,
 * and a refusal changed nothing at the emulator. A 2xx from a body valid by chance is allowed.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  check,
  FEATURE,
  fuzzSettings,
  send,
  setupFuzzSuite,
  stringsOf,
  targetNamed,
  tenantArb,
  type RawBody,
  type Sample,
  type Target,
} from './support';
import type { OrgState, TenantId } from '../isolation/support';
import { MAX_JSON_BODY_BYTES } from '@/lib/http/json-body';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const suite = setupFuzzSuite();

type Json = unknown;
type Path = (string | number)[];

/** A body, decided before the tenant's state is known (a valid body depends on its version). */
type Plan =
  | { kind: 'json'; value: Json }
  | { kind: 'replace'; leaf: number; value: Json }
  | { kind: 'drop'; leaf: number }
  | { kind: 'extra'; key: string; value: Json }
  | { kind: 'pollute'; key: '__proto__' | 'constructor' | 'prototype'; value: Json; nested: boolean }
  | { kind: 'wrap'; as: 'array' | 'string' | 'null' }
  | { kind: 'deep'; depth: number; open: 'array' | 'object' }
  | { kind: 'huge'; length: number; where: 'value' | 'key' | 'padding' }
  | { kind: 'text'; text: string }
  | { kind: 'truncated'; at: number }
  | { kind: 'bytes'; bytes: Uint8Array; prefix: boolean }
  | { kind: 'none' };

const json = fc.jsonValue({ maxDepth: 4 });
const oddNumber = fc.constantFrom(-1, 0, 1.5, -0, 1e308, 2 ** 53 + 1, -(2 ** 31), 65536);
const value: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: json, weight: 4 },
  { arbitrary: oddNumber, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  { arbitrary: fc.constantFrom('true', 'false', '1', '', ' ', 'null'), weight: 1 },
);
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('enabled', 'version', 'text', 'q', 'email', 'expected', 'featureName', 'id', 'tenantId'),
);

const plan: fc.Arbitrary<Plan> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.anything().map(toJson) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('json' as const), value: json }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), leaf: fc.nat(), value }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), leaf: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('extra' as const), key, value }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('pollute' as const),
      key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
      value: fc.oneof(json, fc.constant({ enabled: true, isAdmin: true, version: 0, polluted: 'yes' })),
      nested: fc.boolean(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('wrap' as const), as: fc.constantFrom('array', 'string', 'null') }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      depth: fc.integer({ min: 50, max: 20_000 }),
      open: fc.constantFrom('array', 'object'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      length: fc.oneof(
        fc.integer({ min: 1_000, max: 10_000 }),
        fc.integer({ min: MAX_JSON_BODY_BYTES - 200, max: MAX_JSON_BODY_BYTES + 200 }),
        fc.integer({ min: MAX_JSON_BODY_BYTES, max: 4 * MAX_JSON_BODY_BYTES }),
      ),
      where: fc.constantFrom('value', 'key', 'padding'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.constantFrom('', ' ', 'null', 'NaN', '{', '{"enabled":true,}', "{'enabled':true}", '\uFEFF{}', '[]'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      bytes: fc.uint8Array({ maxLength: 64 }),
      prefix: fc.boolean(),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
);

const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  { arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;'), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      'application/jsonx',
      ' application/json',
      '',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/** fc.anything() as JSON would carry it (undefined, functions, bigints… dropped or stringified). */
function toJson(input: unknown): Json {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return text === undefined ? null : (JSON.parse(text) as Json);
  } catch {
    return null;
  }
}

function leaves(body: Json, at: Path = []): Path[] {
  if (body === null || typeof body !== 'object') return [at];
  const entries = Object.entries(body);
  return entries.length === 0 ? [at] : entries.flatMap(([k, v]) => leaves(v, [...at, k]));
}

function edit(body: Record<string, unknown>, path: Path, change: (parent: Record<string, unknown>, k: string) => void) {
  const copy = structuredClone(body);
  if (path.length === 0) return copy;
  let parent: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[String(step)] as Record<string, unknown>;
  change(parent, String(path[path.length - 1]));
  return copy;
}

/** The bytes on the wire and the strings they carry, for this tenant's current state. */
function materialize(
  p: Plan,
  valid: Record<string, unknown>,
): { payload?: string | Uint8Array<ArrayBuffer>; strings: string[] } {
  const text = (body: Json) => ({ payload: JSON.stringify(body), strings: stringsOf(body) });
  const paths = leaves(valid);
  const pick = (n: number) => paths[n % paths.length] ?? [];
  switch (p.kind) {
    case 'json':
      return text(p.value);
    case 'replace':
      return text(edit(valid, pick(p.leaf), (parent, k) => (parent[k] = p.value)));
    case 'drop':
      return text(edit(valid, pick(p.leaf), (parent, k) => delete parent[k]));
    case 'extra':
      return text({ ...valid, [p.key]: p.value });
    case 'pollute': {
      // Spelled out in the text: JSON.stringify would not write a __proto__ own key.
      const inner = `{${JSON.stringify(p.key)}:${JSON.stringify(p.value)}}`;
      const own = JSON.stringify(valid).slice(1, -1);
      const payload = p.nested
        ? `{${own}${own ? ',' : ''}"expected":${inner}}`
        : `{${JSON.stringify(p.key)}:${JSON.stringify(p.value)}${own ? ',' : ''}${own}}`;
      return { payload, strings: stringsOf(p.value) };
    }
    case 'wrap':
      return text(p.as === 'array' ? [valid] : p.as === 'string' ? JSON.stringify(valid) : null);
    case 'deep': {
      const [open, close] = p.open === 'array' ? ['[', ']'] : ['{"a":', '}'];
      return { payload: `${open.repeat(p.depth)}1${close.repeat(p.depth)}`, strings: [] };
    }
    case 'huge': {
      const big = 'x'.repeat(p.length);
      const body =
        p.where === 'value'
          ? edit(valid, pick(0), (parent, k) => (parent[k] = big))
          : p.where === 'key'
            ? { ...valid, [big]: true }
            : valid;
      const payload = p.where === 'padding' ? `${' '.repeat(p.length)}${JSON.stringify(body)}` : JSON.stringify(body);
      return { payload, strings: [big] };
    }
    case 'text':
      return { payload: p.text, strings: [p.text] };
    case 'truncated': {
      const whole = JSON.stringify(valid);
      return { payload: whole.slice(0, p.at % Math.max(1, whole.length)), strings: [] };
    }
    case 'bytes': {
      const lead = p.prefix ? new TextEncoder().encode('{"enabled":"') : new Uint8Array();
      return { payload: new Uint8Array([...lead, ...p.bytes, 0xff, 0xfe]), strings: [] };
    }
    case 'none':
      return { strings: [] };
  }
}

const FEATURE_SEGMENT = FEATURE;

async function sample(target: Target, tenant: TenantId, p: Plan, type: string | null): Promise<Sample> {
  const state: OrgState = await suite.state(tenant);
  const valid = target.validBody?.(state) ?? {};
  const { payload, strings } = materialize(p, valid);
  const body: RawBody = { payload, contentType: type };
  return {
    tenant,
    tenantSegment: tenant,
    tenantParam: tenant,
    featureSegment: FEATURE_SEGMENT,
    featureParam: FEATURE_SEGMENT,
    query: '',
    body,
    inputs: strings,
  };
}

/** Runs per target: enough to meet every plan kind many times, few enough to stay fast. */
const RUNS: Record<string, number> = {
  'PUT organization': 150,
  'PATCH authentication-settings': 150,
  'PATCH features/[featureName]': 150,
  'POST users/search': 100,
  'POST snapshots': 100,
  'POST auth/login': 100,
};

describe('bad bodies: never a 5xx, a clear 4xx, nothing changed upstream', () => {
  it('covers every handler that takes a body', () => {
    expect(
      suite.targets
        .filter((t) => t.bodied)
        .map((t) => t.label)
        .sort(),
    ).toEqual(Object.keys(RUNS).sort());
  });

  Object.entries(RUNS).forEach(([label, numRuns], index) => {
    it(`${label} (${numRuns} runs)`, async () => {
      const target = targetNamed(suite, label);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(tenantArb, plan, contentType, async (tenant, p, type) => {
          const s = await sample(target, tenant, p, type);
          const answer = await send(suite, target, s);
          if (answer.status >= 400) refused++;
          expect(await check(suite, target, s, answer)).toEqual([]);
        }),
        fuzzSettings(7_100 + index, numRuns),
      );
      // The fuzz mostly meets validation (not a gate it never got past).
      expect(refused).toBeGreaterThan(numRuns / 2);
    }, 30_000);
  });
});
