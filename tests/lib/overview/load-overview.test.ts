/**
 * The overview loader against the msw-mounted emulator, through a real GenesysRuntime (tenants
 * file, token provider, governor, client, usage meter): what each part reports for a healthy
 * tenant, a broken token, a mismatched binding, a client missing permissions, and a failing
 * user count, and which upstream calls it made to find out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GenesysRuntime } from '@/lib/genesys-runtime';
import { loadTenantOverview, type OverviewLimits } from '@/lib/overview/load-overview';
import { permissionReportTtl } from '@/lib/overview/permission-report';
import { createTtlCache } from '@/lib/overview/ttl-cache';
import type { PermissionReport, TenantOverview } from '@/lib/overview/types';
import { addClient, control } from '../../emulator/support/control';
import { call, getToken } from '../../emulator/support/direct';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import { createTestRuntime, type TenantFileEntry } from '../../support/runtime-fixture';

// Declared above the emulator's 300/min: these tests stay far below it, and the portal's own
// pacing (tested in tests/lib/genesys) would only add sleeping.
const DECLARED_LIMIT = 6000;

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
let upstream: string[] = [];
const runtimes: GenesysRuntime[] = [];

beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [37, 12, 4] });
  demo = mounted.emulator.listTenantCredentials().map((c) => ({ ...c, rateLimitPerMinute: DECLARED_LIMIT }));
  mounted.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/__emulator')) upstream.push(`${request.method} ${url.pathname}`);
  });
});
afterEach(async () => {
  mounted.emulator.reset();
  upstream = [];
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
});
afterAll(() => mounted.close());

const byId = (id: string) => demo.find((t) => t.tenantId === id)!;

function setup(entries: TenantFileEntry[]) {
  const runtime = createTestRuntime(mounted.baseUrl, entries);
  runtimes.push(runtime);
  const permissionCache = createTtlCache<PermissionReport>({ now: Date.now, ttlMs: permissionReportTtl });
  const load = async (tenantId: string, limits: Partial<OverviewLimits> = {}): Promise<TenantOverview> =>
    loadTenantOverview(runtime, await runtime.connectionFor(tenantId), {
      requestId: `req-${tenantId}`,
      permissionCache,
      limits,
    });
  return { runtime, load };
}

const apiCalls = () => upstream.filter((line) => line.includes('/api/v2/') && !line.endsWith('/api/v2/tokens/me'));

async function activeUsersAtEmulator(tenantId: string): Promise<number> {
  const token = await getToken(
    mounted.emulator,
    mounted.emulator.listTenantCredentials().find((c) => c.tenantId === tenantId)!,
  );
  const { json } = await call(mounted.emulator, token, '/api/v2/users?pageSize=500');
  return (json.entities as unknown[]).length;
}

describe('loadTenantOverview', () => {
  it('a healthy tenant: token ok, every feature usable, the emulator’s user count, its own calls in the budget', async () => {
    const { load } = setup(demo);
    const overview = await load('acme-prod');

    expect(overview).toMatchObject({ tenantId: 'acme-prod', requestId: 'req-acme-prod', lastError: null });
    expect(overview.token.state).toBe('ok');
    const users = await activeUsersAtEmulator('acme-prod');
    expect(users).toBeGreaterThan(0);
    expect(users).toBeLessThan(37); // some seeded users are inactive or deleted: not the org size
    expect(overview.users).toEqual({ state: 'ok', value: { total: users } });
    expect(overview.permissions).toMatchObject({ state: 'ok', value: { missing: [], unknown: [], featureCount: 10 } });
    // Every governed API call of this load is in the budget (the grant and the binding check are not).
    expect(overview.budget).toEqual({
      state: 'ok',
      value: { requests: apiCalls().length, throttled: 0, limitPerMinute: DECLARED_LIMIT, windowSeconds: 60 },
    });
    expect(apiCalls()).toHaveLength(11); // ten feature probes + one users page
  });

  it('probes permissions once per tenant and client, then serves them from the cache', async () => {
    const { load } = setup(demo);
    const first = await load('acme-prod');
    upstream = [];
    const second = await load('acme-prod');
    expect(apiCalls()).toEqual(['GET /api/v2/users']);
    expect(second.permissions).toEqual(first.permissions);

    upstream = [];
    await load('acme-sandbox'); // another tenant is probed on its own
    expect(apiCalls()).toHaveLength(11);
  });

  it('names what a client lacks: the read-only client and one without oauth:client:view', async () => {
    const readOnly = { ...mounted.emulator.readOnlyCredential('acme-prod')!, rateLimitPerMinute: DECLARED_LIMIT };
    const added = await addClient(mounted.emulator, 'acme-sandbox', [
      'directory:organization:admin',
      'directory:user:view',
      'authorization:role:view',
      'authorization:orgTrustor:view',
      'routing:queue:view',
      'analytics:conversationAggregate:view',
    ]);
    const limited = { ...byId('acme-sandbox'), clientId: added.clientId, clientSecret: added.clientSecret };
    const { load } = setup([readOnly, limited]);

    const a = await load('acme-prod');
    expect(a.token.state).toBe('ok');
    expect(a.permissions).toMatchObject({
      state: 'ok',
      value: { missing: [{ id: 'org-settings', permissions: ['directory:organization:admin'] }], unknown: [] },
    });
    const b = await load('acme-sandbox');
    expect(b.permissions).toMatchObject({
      state: 'ok',
      value: { missing: [{ id: 'oauth-clients', permissions: ['oauth:client:view'] }], unknown: [] },
    });
    expect(b.users.state).toBe('ok'); // a missing permission narrows the tenant, it does not fail it
  });

  it.each([
    ['a disabled client', 'disable'],
    ['a wrong secret', 'secret'],
  ])('%s: failing with credentials_invalid at once, nothing else asked upstream', async (_label, how) => {
    const tenant = byId('acme-sandbox');
    const { load } = setup([how === 'secret' ? { ...tenant, clientSecret: 'not-the-secret' } : tenant]);
    if (how === 'disable') await control(mounted.emulator, 'POST', `/clients/${tenant.clientId}/disable`);

    const overview = await load('acme-sandbox');
    expect(overview.token).toMatchObject({ state: 'failing', code: 'credentials_invalid' });
    expect(overview.users).toEqual({ state: 'skipped', reason: 'token' });
    expect(overview.permissions).toEqual({ state: 'skipped', reason: 'token' });
    expect(overview.budget).toMatchObject({ state: 'ok', value: { requests: 0 } });
    expect(overview.lastError).toMatchObject({ code: 'credentials_invalid' });
    expect(upstream).toContain('POST /oauth/token');
    expect(upstream.every((line) => line === 'POST /oauth/token')).toBe(true);
  });

  it('a client disabled after its token was cached: the user count finds out, the token turns failing, no probes follow', async () => {
    const tenant = byId('acme-sandbox');
    const { load } = setup([tenant]);
    expect((await load('acme-sandbox')).token.state).toBe('ok');
    await control(mounted.emulator, 'POST', `/clients/${tenant.clientId}/disable`);
    upstream = [];

    const overview = await load('acme-sandbox');
    expect(overview.token).toMatchObject({ state: 'failing', code: 'credentials_invalid' });
    expect(overview.users).toMatchObject({ state: 'error', code: 'credentials_invalid' });
    expect(overview.permissions).toEqual({ state: 'skipped', reason: 'token' });
    expect(apiCalls()).toEqual(['GET /api/v2/users']); // rejected once; no probe spent on a dead client
  });

  it('a token endpoint answering 503: failing, naming the status', async () => {
    const { load } = setup([byId('globex-eu')]);
    await control(mounted.emulator, 'POST', '/faults', { path: '/oauth/token', status: 503 });
    const overview = await load('globex-eu');
    expect(overview.token).toMatchObject({ state: 'failing', code: 'token_endpoint_error' });
    expect(overview.token.state !== 'ok' && overview.token.message).toContain('HTTP 503');
    expect(apiCalls()).toEqual([]);
  });

  it('a token endpoint that hangs: failing with token_timeout after the wait, not after the endpoint', async () => {
    const { load } = setup([byId('globex-eu')]);
    await control(mounted.emulator, 'POST', '/faults', { path: '/oauth/token', latencyMs: 3_000 });
    const overview = await load('globex-eu', { tokenWaitMs: 50 });
    expect(overview.token).toMatchObject({ state: 'failing', code: 'token_timeout' });
    expect(overview.users.state).toBe('skipped');
    expect(apiCalls()).toEqual([]);
  });

  it('credentials of another org: binding_mismatch, without naming that org', async () => {
    const sandboxOrg = byId('acme-sandbox').orgId;
    const pasted = { ...byId('acme-sandbox'), orgId: byId('acme-prod').orgId };
    const { load } = setup([pasted]);
    const overview = await load('acme-sandbox');
    expect(overview.token).toEqual({
      state: 'binding_mismatch',
      code: 'tenant_binding_mismatch',
      message: "The credentials belong to another organization: fix the tenant's OAuth client before it can be used",
    });
    expect(overview.lastError).toMatchObject({
      code: 'tenant_binding_mismatch',
      message: "The credentials belong to another organization: fix the tenant's OAuth client before it can be used",
    });
    expect(JSON.stringify(overview)).not.toContain(sandboxOrg);
    expect(apiCalls()).toEqual([]);
  });

  it('a rate-limited user count says how long Genesys Cloud asked to wait', async () => {
    const { load } = setup([byId('acme-prod')]);
    await load('acme-prod'); // permissions cached
    await control(mounted.emulator, 'POST', '/faults', {
      path: '/api/v2/users',
      method: 'GET',
      status: 429,
      headers: { 'Retry-After': '30' },
      count: 10,
    });
    const overview = await load('acme-prod');
    expect(overview.users).toEqual({
      state: 'error',
      code: 'rate_limited',
      message: expect.any(String) as string,
      retryAfterSeconds: 30,
    });
    expect(overview.token.state).toBe('ok');
  });

  it('a failing user count is reported on its own: token and permissions stay ok', async () => {
    const { load } = setup([byId('acme-prod')]);
    await load('acme-prod'); // permissions cached
    await control(mounted.emulator, 'POST', '/faults', {
      path: '/api/v2/users',
      method: 'GET',
      status: 503,
      headers: { 'Retry-After': '0' },
      count: 10,
    });
    const overview = await load('acme-prod');
    expect(overview.users).toMatchObject({ state: 'error', code: 'upstream_error' });
    expect(overview.token.state).toBe('ok');
    expect(overview.permissions.state).toBe('ok');
  });
});
