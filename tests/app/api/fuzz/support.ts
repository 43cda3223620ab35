/**
 * The bad-input fuzz suites' shared vocabulary: every route handler the portal has (the
 * isolation matrix's ROUTES, plus the routes outside it), one way to send a fuzzed request as
 * the admin with the path tenant active, and one checker of the rules every answer keeps:
 *
 * - never 5xx; anything not 2xx is a 4xx `{ error: { code, message, requestId } }`, marked
 *   no-store, with a short non-empty message that does not echo a long input back;
 * - a refused request sent no mutating call upstream (token requests and the read-only users
 *   search aside) and left the path tenant's org, features and auth settings as they were.
 */
import fc from 'fast-check';
import { beforeAll } from 'vitest';
import type { RouteHandler, UpstreamCall } from '@/tests/support/handler-harness';
import {
  FEATURE,
  PORTAL_ORIGIN,
  ROUTES,
  setupIsolationSuite,
  TENANT_IDS,
  type IsolationSuite,
  type Method,
  type OrgState,
  type TenantId,
} from '../isolation/support';

export const ADMIN = 'demo-admin';

/** One handler as the fuzz sends to it. */
export interface Target {
  label: string;
  method: Method;
  /** tenant: under /api/tenants/[tenantId]; login / audit: no dynamic segment. */
  kind: 'tenant' | 'login' | 'audit';
  handler: () => RouteHandler;
  /** The URL path for these (already encoded) segments. */
  path: (tenantSegment: string, featureSegment: string) => string;
  hasFeatureParam: boolean;
  /** Takes a JSON body. */
  bodied: boolean;
  /** A valid body for the tenant's current state (bodied targets). */
  validBody?: (state: OrgState) => Record<string, unknown>;
  /** Reads its query (strictly or leniently): worth more query samples than one that ignores it. */
  readsQuery: boolean;
}

export interface FuzzSuite extends IsolationSuite {
  targets: Target[];
  /** Cookie header of the admin with each tenant active. */
  cookies: Map<TenantId, string>;
  /** The path tenant's org state the fuzz last saw (refreshed after every 2xx). */
  baseline: Map<TenantId, string>;
}

const QUERY_READERS = new Set([
  'divisions',
  'roles',
  'users',
  'users/export',
  'users/view',
  'snapshots',
  'snapshots/compare',
]);

/** Registers the isolation suite's hooks plus this suite's own (targets, cookies, baselines). */
export function setupFuzzSuite(): FuzzSuite {
  const suite = setupIsolationSuite() as FuzzSuite;
  suite.targets = [];
  suite.cookies = new Map();
  suite.baseline = new Map();
  beforeAll(async () => {
    for (const route of ROUTES) {
      const handlers = suite.handlers.get(route.name) ?? {};
      for (const [method, spec] of Object.entries(route.methods) as [Method, (typeof route.methods)['GET']][]) {
        const handler = handlers[method];
        if (!spec || !handler) throw new Error(`no ${method} ${route.name}`);
        const hasFeatureParam = route.params?.featureName !== undefined;
        suite.targets.push({
          label: `${method} ${route.name}`,
          method,
          kind: 'tenant',
          handler: () => handler,
          path: (t, f) => (hasFeatureParam ? `/api/tenants/${t}/features/${f}` : `${route.path(t)}`),
          hasFeatureParam,
          bodied: spec.body !== undefined,
          validBody: spec.body,
          readsQuery: QUERY_READERS.has(route.name),
        });
      }
    }
    const compare = await import('@/app/api/tenants/[tenantId]/snapshots/compare/route');
    const login = await import('@/app/api/auth/login/route');
    const audit = await import('@/app/api/audit/route');
    const auditExport = await import('@/app/api/audit/export/route');
    const plain =
      (fn: (request: Request) => Promise<Response>): RouteHandler =>
      (request) =>
        fn(request);
    suite.targets.push(
      {
        label: 'GET snapshots/compare',
        method: 'GET',
        kind: 'tenant',
        handler: () => compare.GET,
        path: (t) => `/api/tenants/${t}/snapshots/compare`,
        hasFeatureParam: false,
        bodied: false,
        readsQuery: true,
      },
      {
        label: 'POST auth/login',
        method: 'POST',
        kind: 'login',
        handler: () => plain(login.POST),
        path: () => '/api/auth/login',
        hasFeatureParam: false,
        bodied: true,
        validBody: () => ({ email: 'nobody@fuzz.test', password: 'not-the-password' }),
        readsQuery: false,
      },
      {
        label: 'GET audit',
        method: 'GET',
        kind: 'audit',
        handler: () => plain(audit.GET),
        path: () => '/api/audit',
        hasFeatureParam: false,
        bodied: false,
        readsQuery: true,
      },
      {
        label: 'GET audit/export',
        method: 'GET',
        kind: 'audit',
        handler: () => plain(auditExport.GET),
        path: () => '/api/audit/export',
        hasFeatureParam: false,
        bodied: false,
        readsQuery: true,
      },
    );
    for (const tenantId of TENANT_IDS) {
      suite.cookies.set(tenantId, await suite.harness.cookiesFor(ADMIN, { tenant: tenantId }));
      suite.baseline.set(tenantId, JSON.stringify(await suite.state(tenantId, { fresh: true })));
    }
  });
  return suite;
}

export const targetNamed = (suite: FuzzSuite, label: string): Target => {
  const target = suite.targets.find((t) => t.label === label);
  if (!target) throw new Error(`no target ${label}`);
  return target;
};

// ---------------------------------------------------------------------------------------------
// Sending

export interface RawBody {
  /** What goes on the wire (undefined: no body). */
  payload?: string | Uint8Array<ArrayBuffer>;
  /** null: no Content-Type header. */
  contentType: string | null;
}

export interface Sample {
  /** The tenant whose cookie is active and whose state is checked. */
  tenant: TenantId;
  /** As in the URL (encoded) and as handed to the handler (decoded). */
  tenantSegment: string;
  tenantParam: string;
  featureSegment: string;
  featureParam: string;
  /** `?…` or ''. */
  query: string;
  body?: RawBody;
  /** Every string of the input (keys, values, params) for the echo check. */
  inputs: string[];
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
  upstream: UpstreamCall[];
}

export async function send(suite: FuzzSuite, target: Target, sample: Sample): Promise<Answer> {
  const headers: Record<string, string> = { origin: PORTAL_ORIGIN, 'sec-fetch-site': 'same-origin' };
  if (target.kind !== 'login') headers.cookie = suite.cookies.get(sample.tenant) ?? '';
  if (sample.body?.contentType !== null && sample.body?.contentType !== undefined)
    headers['content-type'] = sample.body.contentType;
  const url = `${PORTAL_ORIGIN}${target.path(sample.tenantSegment, sample.featureSegment)}${sample.query}`;
  const request = new Request(url, { method: target.method, headers, body: sample.body?.payload });
  const params: { tenantId: string } & Record<string, string> = { tenantId: sample.tenantParam };
  if (target.hasFeatureParam) params.featureName = sample.featureParam;
  const { response, upstream } = await suite.harness.invoke(target.handler(), request, params);
  return { status: response.status, text: await response.text(), headers: response.headers, upstream };
}

// ---------------------------------------------------------------------------------------------
// Checking

/** A message may quote a little of the input (a key name), never a long stretch of it. */
export const ECHO_BOUND = 64;
export const MESSAGE_MAX = 400;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Mutating calls upstream: the token endpoint and the read-only users search do not count. */
export const mutatingCalls = (upstream: UpstreamCall[]) =>
  upstream.filter((u) => {
    const path = new URL(u.url).pathname;
    return u.method !== 'GET' && path !== '/oauth/token' && path !== '/api/v2/users/search';
  });

/** Codes of a write that Genesys itself refused (stale version, rejected value): nothing changed. */
const UPSTREAM_REFUSALS = new Set(['conflict', 'upstream_rejected']);

/** Every rule the answer to one fuzzed request broke (empty: fine). */
export async function check(suite: FuzzSuite, target: Target, sample: Sample, answer: Answer): Promise<string[]> {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${target.label}: ${message} (answer ${answer.text.slice(0, 200)})`);
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok) {
    if (answer.status < 400 || answer.status >= 500) fail(`status ${answer.status}`);
    if (!answer.headers.get('cache-control')?.includes('no-store')) fail('error answer is not no-store');
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      fail('error answer is not JSON');
    }
    const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
    const { code, message, requestId } = error ?? {};
    if (typeof code !== 'string' || !/^[a-z][a-z_]*$/.test(code)) fail(`error code ${String(code)}`);
    if (typeof requestId !== 'string' || requestId.length === 0) fail('error without requestId');
    if (typeof message !== 'string' || message.trim().length === 0) fail('error without message');
    else {
      if (message.length > MESSAGE_MAX) fail(`message of ${message.length} characters`);
      // Neither the message nor anything else in the error body repeats a long piece of input.
      const echoed = sample.inputs.find(
        (s) => s.length > ECHO_BOUND && answer.text.includes(s.slice(0, ECHO_BOUND + 1)),
      );
      if (echoed !== undefined) fail(`error body echoes ${JSON.stringify(echoed.slice(0, 80))}…`);
    }
    const writes = mutatingCalls(answer.upstream);
    if (writes.length > 0 && !(typeof code === 'string' && UPSTREAM_REFUSALS.has(code)))
      fail(
        `refused (${String(code)}) but sent ${writes.map((w) => `${w.method} ${new URL(w.url).pathname}`).join(', ')}`,
      );
  }
  if (target.kind === 'login' && answer.upstream.length > 0) fail('sign-in called Genesys');
  if (target.kind === 'tenant') {
    // Any tenant a write could have reached: the active (path) one.
    const now = JSON.stringify(await suite.state(sample.tenant, { fresh: true }));
    if (ok) suite.baseline.set(sample.tenant, now);
    else if (now !== suite.baseline.get(sample.tenant)) fail(`refused, yet ${sample.tenant}'s org state changed`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

export const tenantArb = fc.constantFrom(...TENANT_IDS);

/** Every string inside a JSON value: keys and string values. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsOf(v, out);
    }
  return out;
}

/** A decoded segment as Next would hand it over (undecodable: as it is). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const fuzzSettings = (seed: number, numRuns: number) => ({ seed, numRuns, endOnFailure: false });

export { FEATURE, TENANT_IDS };
