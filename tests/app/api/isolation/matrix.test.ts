/**
 * Handler-level isolation matrix: every tenant route handler × every method × the three demo
 * users × hostile vectors, called in-process against the msw-mounted emulator. For each case:
 * exact status and error code, `Cache-Control: private, no-store`, 2xx payload
 * `{ tenantId: <path tenant>, data }`, no byte of another tenant's data (canaries) in body or
 * headers, every upstream call made for the path tenant's org with its own client (none at all
 * for a refused request), and a successful write visible in the path tenant's org.
 */
import { describe, expect, it, vi } from 'vitest';
import { sealPayload } from '@/lib/session/seal';
import {
  setupIsolationSuite,
  ALL_METHODS,
  notGranted,
  PORTAL_ORIGIN,
  ROUTE_METHODS,
  ROUTES,
  runCase,
  runLanes,
  TENANT_IDS,
  USERS,
  type Case,
  type Expected,
  type Method,
  type RouteMethod,
  type TenantId,
  type UserSpec,
} from './support';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const suite = setupIsolationSuite();

const orgOf = (tenantId: string) => {
  const credential = suite.harness.credentials.find((c) => c.tenantId === tenantId);
  if (!credential) throw new Error(`no tenant ${tenantId}`);
  return credential.orgId;
};

/** The policy, in gate order: session, capability, [tenantId] grant, active tenant for writes. */
function expectFor(user: UserSpec | null, rm: RouteMethod, param: string, active: string | null): Expected {
  if (!user) return { status: 401, code: 'unauthenticated' };
  if (!user.capabilities.has(rm.spec.capability)) return { status: 403, code: 'forbidden' };
  if (!(user.granted as readonly string[]).includes(param)) return { status: 403, code: 'tenant_not_granted' };
  if (rm.spec.write && active !== param) return { status: 409, code: 'tenant_context_changed' };
  return { status: 200 };
}

const UNKNOWN_IDS = ['tenant-07', 'nope', 'acme', 'acme-prod-2', 'initech'];

/** [tenantId] shapes that must all be the same 403 (URL form, and the value Next hands over). */
const PATH_VECTORS: { segment: string; param: string }[] = [
  { segment: '..%2Finitech-apac', param: '../initech-apac' },
  { segment: '..%2Finitech-apac', param: '..%2Finitech-apac' },
  { segment: 'acme-prod%2F..%2Finitech-apac', param: 'acme-prod/../initech-apac' },
  { segment: '%2E%2E', param: '..' },
  { segment: '.', param: '.' },
  { segment: 'ACME-PROD', param: 'ACME-PROD' },
  { segment: 'Initech-Apac', param: 'Initech-Apac' },
  { segment: 'acme-prod%00', param: 'acme-prod\u0000' },
  { segment: '%20acme-prod', param: ' acme-prod' },
  { segment: 'acme-prod%0A', param: 'acme-prod\n' },
  { segment: '%D0%B0cme-prod', param: '\u0430cme-prod' },
  { segment: 'acme-prod%252F..', param: 'acme-prod%2F..' },
  { segment: 'acme_prod', param: 'acme_prod' },
  { segment: 'acme-prod.', param: 'acme-prod.' },
  { segment: '*', param: '*' },
  { segment: '', param: '' },
  { segment: 'a'.repeat(65), param: 'a'.repeat(65) },
  { segment: `acme-prod${'-x'.repeat(40)}`, param: `acme-prod${'-x'.repeat(40)}` },
  { segment: 'z'.repeat(8000), param: 'z'.repeat(8000) },
];

const SUBREQUEST_VALUES = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'proxy:proxy:proxy:proxy:proxy',
];

function sameOriginHeaders(method: Method): Record<string, string> {
  return ['GET', 'HEAD'].includes(method)
    ? { 'sec-fetch-site': 'same-origin' }
    : { origin: PORTAL_ORIGIN, 'sec-fetch-site': 'same-origin' };
}

async function cookie(uid: string, tenant?: string, tenantUid?: string) {
  return suite.harness.cookiesFor(uid, { tenant, tenantUid });
}

/** Every case of one user. */
async function casesFor(user: UserSpec): Promise<Case[]> {
  const cases: Case[] = [];
  const others = USERS.filter((u) => u.id !== user.id);
  const denied = notGranted(user);
  for (const [index, rm] of ROUTE_METHODS.entries()) {
    const { route, method, spec } = rm;
    const tag = `${user.role} ${method} ${route.name}`;
    const base = user.granted[index % user.granted.length] as TenantId;
    const other = user.granted[(index + 1) % user.granted.length] as TenantId;
    const h = sameOriginHeaders(method);
    const body = spec.body ? ('valid' as const) : undefined;
    const add = (
      label: string,
      param: string,
      headers: Record<string, string>,
      active: string | null,
      extra: Partial<Case> = {},
    ) =>
      cases.push({
        label: `${tag} [${label}]`,
        routeMethod: rm,
        segment: encodeURIComponent(param),
        param,
        headers: { ...h, ...headers },
        body,
        expected: expectFor(user, rm, param, active),
        ...extra,
      });

    // Own granted tenants, active tenant = path tenant.
    for (const tenant of user.granted) add(`own ${tenant}`, tenant, { cookie: await cookie(user.id, tenant) }, tenant);
    // No active tenant, another active tenant (a stale tab): reads fine, writes 409.
    add('no active tenant', base, { cookie: await cookie(user.id) }, null);
    add(`active ${other}`, base, { cookie: await cookie(user.id, other) }, other);
    // Tenants not granted: with the user's own active tenant, and with a (stale) cookie naming it.
    for (const tenant of denied) {
      add(`foreign ${tenant}`, tenant, { cookie: await cookie(user.id, base) }, base);
      add(`foreign ${tenant}, cookie names it`, tenant, { cookie: await cookie(user.id, tenant) }, tenant);
    }
    for (const id of UNKNOWN_IDS) add(`unknown ${id}`, id, { cookie: await cookie(user.id, base) }, base);
    add(
      `unknown ${UNKNOWN_IDS[0]}, cookie names it`,
      UNKNOWN_IDS[0] ?? '',
      { cookie: await cookie(user.id, UNKNOWN_IDS[0]) },
      UNKNOWN_IDS[0] ?? null,
    );

    // A forged X-Genesys-Organization never selects the org: the answer is the path tenant's.
    const forgeries = TENANT_IDS.filter((t) => t !== base);
    const forged =
      route.name === 'organization' && method === 'GET' ? forgeries : [forgeries[index % forgeries.length]];
    for (const tenant of forged) {
      if (!tenant) continue;
      add(
        `forged org of ${tenant}`,
        base,
        { cookie: await cookie(user.id, base), 'x-genesys-organization': orgOf(tenant) },
        base,
      );
    }
    const firstDenied = denied[0] ?? 'tenant-07';
    add(
      `foreign ${firstDenied} with its own org header`,
      firstDenied,
      {
        cookie: await cookie(user.id, base),
        'x-genesys-organization': denied[0] ? orgOf(firstDenied) : orgOf(base),
      },
      base,
    );
    // x-middleware-subrequest grants nothing to a signed-in user either.
    add(
      `foreign ${firstDenied} + x-middleware-subrequest`,
      firstDenied,
      {
        cookie: await cookie(user.id, base),
        'x-middleware-subrequest': SUBREQUEST_VALUES[1] ?? '',
      },
      base,
    );

    // A tenant cookie sealed for another user: no active tenant, and never a grant.
    for (const owner of others) {
      add(`tenant cookie of ${owner.role}`, base, { cookie: await cookie(user.id, base, owner.id) }, null);
      const theirs = owner.granted.find((t) => !(user.granted as readonly string[]).includes(t));
      if (theirs)
        add(
          `${owner.role}'s tenant cookie for ${theirs}`,
          theirs,
          { cookie: await cookie(user.id, theirs, owner.id) },
          null,
        );
    }

    // ?tenant= / ?tenantId= / ?orgId= of another tenant: ignored, or refused by a strict query.
    const stranger = denied[index % Math.max(1, denied.length)] ?? other;
    for (const query of [`?tenant=${stranger}`, `?tenantId=${stranger}`, `?orgId=${orgOf(stranger)}`]) {
      const expected = expectFor(user, rm, base, base);
      cases.push({
        label: `${tag} [query ${query}]`,
        routeMethod: rm,
        segment: base,
        param: base,
        headers: { ...h, cookie: await cookie(user.id, base) },
        query,
        body,
        expected: expected.status === 200 && spec.strictQuery ? { status: 422, code: 'invalid_input' } : expected,
      });
    }
    // Body fields naming another tenant: strict bodies reject unknown fields.
    if (spec.body) {
      for (const extra of [{ tenantId: stranger }, { orgId: orgOf(stranger) }, { tenant: stranger }]) {
        const expected = expectFor(user, rm, base, base);
        cases.push({
          label: `${tag} [body ${Object.keys(extra).join()}]`,
          routeMethod: rm,
          segment: base,
          param: base,
          headers: { ...h, cookie: await cookie(user.id, base) },
          body: { extra },
          expected: expected.status === 200 ? { status: 422, code: 'invalid_input' } : expected,
        });
      }
    }
    // Traversal, encoded slashes, case, control characters, homoglyphs, overlong: the same 403.
    for (const vector of PATH_VECTORS) {
      cases.push({
        label: `${tag} [path ${JSON.stringify(vector.param.slice(0, 40))}]`,
        routeMethod: rm,
        segment: vector.segment,
        param: vector.param,
        headers: { ...h, cookie: await cookie(user.id, base) },
        body,
        expected: expectFor(user, rm, vector.param, base),
      });
    }
  }
  return cases;
}

/** Requests that prove nobody: each must be the same 401, whatever else they carry. */
async function anonymousCases(): Promise<Case[]> {
  const { settings, portal } = suite.harness;
  const now = Date.now();
  const admin = 'demo-admin';
  const ver = await portal.sessionVersions.current(admin);
  const seal = (payload: Record<string, unknown>, password: string | Record<string, string> = settings.password) =>
    sealPayload(payload as never, { ...settings, password });
  const valid = await seal({ uid: admin, ver, iat: now, lat: now });
  const tenantCookie = `${settings.tenantCookie}=${await seal({ uid: admin, tid: 'acme-prod', at: now })}`;
  const flip = (value: string, at: number) =>
    value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);
  const sessions: [string, string | undefined][] = [
    ['no cookie', undefined],
    ['empty session cookie', ''],
    ['flipped byte in the seal', flip(valid, Math.floor(valid.length / 2))],
    ['flipped byte in the mac', flip(valid, valid.length - 6)],
    ['truncated seal', valid.slice(0, Math.floor(valid.length / 2))],
    ['sealed with another secret', await seal({ uid: admin, ver, iat: now, lat: now }, 'x'.repeat(48))],
    ['tenant cookie as session', await seal({ uid: admin, tid: 'acme-prod', at: now })],
    ['revoked version', await seal({ uid: admin, ver: ver - 1, iat: now, lat: now })],
    ['past absolute lifetime', await seal({ uid: admin, ver, iat: now - settings.absoluteMs - 1000, lat: now })],
    ['past idle lifetime', await seal({ uid: admin, ver, iat: now - 1000, lat: now - settings.idleMs - 1000 })],
    ['issued in the future', await seal({ uid: admin, ver, iat: now + 3_600_000, lat: now + 3_600_000 })],
    ['unknown user', await seal({ uid: 'demo-root', ver, iat: now, lat: now })],
    ['extra field (role)', await seal({ uid: 'demo-auditor', ver, iat: now, lat: now, role: 'admin' })],
    ['oversized', `${valid}${'A'.repeat(5000)}`],
  ];
  const cases: Case[] = [];
  for (const rm of ROUTE_METHODS) {
    const { route, method, spec } = rm;
    const h = sameOriginHeaders(method);
    const body = spec.body ? ('valid' as const) : undefined;
    const push = (label: string, headers: Record<string, string>) =>
      cases.push({
        label: `anonymous ${method} ${route.name} [${label}]`,
        routeMethod: rm,
        segment: 'acme-prod',
        param: 'acme-prod',
        headers: { ...h, ...headers },
        body,
        expected: expectFor(null, rm, 'acme-prod', null),
      });
    for (const [label, value] of sessions) {
      const parts = [value === undefined ? undefined : `${settings.sessionCookie}=${value}`, tenantCookie];
      push(label, { cookie: parts.filter(Boolean).join('; ') });
    }
    push('only a tenant cookie', { cookie: tenantCookie });
    push('session cookie under the __Host- name', {
      cookie: `__Host-${settings.sessionCookie}=${valid}; ${tenantCookie}`,
    });
    for (const value of SUBREQUEST_VALUES)
      push(`x-middleware-subrequest: ${value}`, { 'x-middleware-subrequest': value });
    push('forged org header only', { 'x-genesys-organization': orgOf('acme-prod') });
  }
  return cases;
}

/** Lanes by path tenant: upstream pacing is per tenant, so tenants run side by side. */
function byTenant(cases: Case[]): Map<string, Case[]> {
  const lanes = new Map<string, Case[]>();
  for (const c of cases) {
    const key = (TENANT_IDS as readonly string[]).includes(c.param) ? c.param : 'none';
    lanes.set(key, [...(lanes.get(key) ?? []), c]);
  }
  return lanes;
}

const counts: Record<string, number> = {};

describe('tenant route handlers: isolation matrix', () => {
  it('canaries are distinctive: none of a tenant\u2019s canaries occurs in another tenant\u2019s data', () => {
    for (const [tenantId, canaries] of suite.book.tenants) {
      const own = suite.book.dumps.get(tenantId) ?? '';
      for (const canary of [...canaries.ids, ...canaries.marks]) expect(own, `${tenantId} ${canary}`).toContain(canary);
      for (const [otherId, dump] of suite.book.dumps) {
        if (otherId === tenantId) continue;
        const found = [...canaries.ids, ...canaries.marks].filter((canary) => dump.includes(canary));
        expect(found, `${tenantId} canaries in ${otherId}'s data`).toEqual([]);
      }
      expect(canaries.ids.length).toBeGreaterThan(10);
    }
  });

  it('every route exports exactly the methods of the matrix (the rest are not applicable: 405)', () => {
    let notApplicable = 0;
    for (const route of ROUTES) {
      const exported = Object.keys(suite.handlers.get(route.name) ?? {}).filter((name) =>
        (ALL_METHODS as readonly string[]).includes(name),
      );
      expect(exported.sort(), route.name).toEqual(Object.keys(route.methods).sort());
      notApplicable += ALL_METHODS.length - exported.length;
    }
    counts.notApplicableRouteMethods = notApplicable;
  });

  for (const user of USERS) {
    it(`${user.email}: every route × method × vector`, async () => {
      const cases = await casesFor(user);
      counts[user.role] = cases.length;
      const problems = await runLanes(byTenant(cases), (c) => runCase(suite, c));
      expect(problems).toEqual([]);
      // The matrix really exercised both sides: successes and every refusal kind.
      const statuses = new Set(cases.map((c) => `${c.expected.status}${c.expected.code ?? ''}`));
      expect(statuses).toContain('200');
      expect(statuses).toContain('403tenant_not_granted');
    }, 60_000);
  }

  it('anonymous, tampered, revoked, expired and forged sessions: 401 on every route × method', async () => {
    const cases = await anonymousCases();
    counts.anonymous = cases.length;
    const problems = await runLanes(byTenant(cases), (c) => runCase(suite, c));
    expect(problems).toEqual([]);
  });

  it('reports the size of the matrix', () => {
    console.info(`isolation matrix cases: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts).length).toBeGreaterThan(0);
    // DECLARED_RATE_LIMIT's premise: the emulator never had to refuse a request.
    expect(suite.harness.mounted.emulator.stats().rateLimited).toBe(0);
  });
});
