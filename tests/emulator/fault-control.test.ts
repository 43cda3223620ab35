import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionResetError, createEmulator } from '../../emulator/index';
import { createFakeClock } from './support/fake-clock';
import { BASE, call, credentialOf, getToken, tokenRequest } from './support/direct';
import { control } from './support/control';
import { mountEmulator, type MountedEmulator } from './support/msw-emulator';
import { fetchToken } from './support/fetch-client';

const SIZES = [40, 20];

describe('fault-control availability', () => {
  it('is 404 when faultControl is off, 401 without the service token', async () => {
    const off = createEmulator({ orgSizes: SIZES });
    expect((await control(off, 'GET', '/stats')).status).toBe(404);
    const on = createEmulator({ orgSizes: SIZES, faultControl: true });
    const anonymous = await on.handle(new Request(`${BASE}/__emulator/stats`));
    expect(anonymous.status).toBe(401);
    expect((await control(on, 'GET', '/stats')).status).toBe(200);
    expect((await control(on, 'GET', '/nothing-here')).status).toBe(404);
    expect((await control(on, 'POST', '/faults', { path: 42 })).status).toBe(400);
  });
});

describe('queued faults', () => {
  it('fails the next N matching requests with a chosen status, body and headers', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const added = await control(emulator, 'POST', '/faults', {
      path: '/api/v2/users*',
      method: 'GET',
      status: 503,
      headers: { 'Retry-After': '3' },
      count: 2,
    });
    expect(added.status).toBe(201);
    const first = await call(emulator, token, '/api/v2/users');
    expect([first.status, first.headers.get('retry-after'), first.json.code]).toEqual([
      503,
      '3',
      'service.unavailable',
    ]);
    expect(first.json.contextId).toBe(first.headers.get('inin-correlation-id'));
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200); // path does not match
    expect((await call(emulator, token, '/api/v2/users/abc')).status).toBe(503);
    expect((await call(emulator, token, '/api/v2/users')).status).toBe(200); // used up
    await control(emulator, 'POST', '/faults', {
      path: '/api/v2/organizations/me',
      status: 429,
      body: { custom: true },
      headers: { 'Retry-After': '7' },
    });
    const custom = await call(emulator, token, '/api/v2/organizations/me');
    expect([custom.status, custom.json]).toEqual([429, { custom: true }]);
    expect(emulator.stats().faultsApplied).toBe(3);
  });

  it('adds latency through the injected sleep', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true, now: clock.now, sleep: clock.sleep });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    await control(emulator, 'POST', '/faults', { path: '/api/v2/organizations/me', latencyMs: 20_000 });
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('rejects handle() with ConnectionResetError for a reset fault; faults can be listed and cleared', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    await control(emulator, 'POST', '/faults', { path: '/oauth/token', connectionReset: true });
    const credential = credentialOf(emulator, 'acme-prod');
    await expect(emulator.handle(tokenRequest(credential.clientId, credential.clientSecret))).rejects.toBeInstanceOf(
      ConnectionResetError,
    );
    await control(emulator, 'POST', '/faults', { path: '*', status: 500, count: 10 });
    expect((await control<{ faults: unknown[] }>(emulator, 'GET', '/faults')).body.faults).toHaveLength(1);
    await control(emulator, 'DELETE', '/faults');
    expect((await emulator.handle(tokenRequest(credential.clientId, credential.clientSecret))).status).toBe(200);
  });
});

describe('through msw', () => {
  let mounted: MountedEmulator;
  beforeAll(() => {
    mounted = mountEmulator({
      orgSizes: [40, 20, 10],
      faultControl: true,
      extraHosts: ['https://login.mypurecloud.de', 'https://api.mypurecloud.de'],
    });
  });
  afterAll(() => mounted.close());

  it('turns a connection reset into a network error', async () => {
    await fetch(`${mounted.baseUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'x-service-token': mounted.emulator.configServiceToken, 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/api/v2/organizations/me', connectionReset: true }),
    });
    const token = await fetchToken(mounted.baseUrl, credentialOf(mounted.emulator, 'acme-prod'));
    await expect(
      fetch(`${mounted.baseUrl}/api/v2/organizations/me`, { headers: { authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
    expect(
      (await fetch(`${mounted.baseUrl}/api/v2/organizations/me`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it('serves real regional host names and refuses a token on the wrong region API host', async () => {
    const globex = credentialOf(mounted.emulator, 'globex-eu');
    const token = await fetchToken('https://login.mypurecloud.de', globex);
    const ok = await fetch('https://api.mypurecloud.de/api/v2/organizations/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    const acme = await fetchToken(mounted.baseUrl, credentialOf(mounted.emulator, 'acme-prod'));
    const wrongRegion = await fetch('https://api.mypurecloud.de/api/v2/organizations/me', {
      headers: { authorization: `Bearer ${acme}` },
    });
    expect(wrongRegion.status).toBe(401);
  });
});

describe('client and org manipulation', () => {
  it('rotates a secret with a grace period for the old one', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true, now: clock.now });
    const before = credentialOf(emulator, 'acme-prod');
    const rotated = await control<{ clientSecret: string }>(
      emulator,
      'POST',
      `/clients/${before.clientId}/rotate-secret`,
      { graceMs: 30_000 },
    );
    expect(rotated.body.clientSecret).not.toBe(before.clientSecret);
    expect(credentialOf(emulator, 'acme-prod').clientSecret).toBe(rotated.body.clientSecret);
    expect((await emulator.handle(tokenRequest(before.clientId, before.clientSecret))).status).toBe(200);
    clock.advance(30_000);
    const old = await emulator.handle(tokenRequest(before.clientId, before.clientSecret));
    expect([old.status, ((await old.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
    expect((await emulator.handle(tokenRequest(before.clientId, rotated.body.clientSecret))).status).toBe(200);
  });

  it('disables and re-enables a client (its tokens stop working while disabled)', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const credential = credentialOf(emulator, 'acme-prod');
    const token = await getToken(emulator, credential);
    await control(emulator, 'POST', `/clients/${credential.clientId}/disable`);
    expect((await emulator.handle(tokenRequest(credential.clientId, credential.clientSecret))).status).toBe(401);
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(401);
    await control(emulator, 'POST', `/clients/${credential.clientId}/enable`);
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200);
    const revoked = await control<{ revoked: number }>(
      emulator,
      'POST',
      `/clients/${credential.clientId}/revoke-tokens`,
    );
    expect(revoked.body.revoked).toBe(1);
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(401);
    expect((await control(emulator, 'POST', '/clients/nope/disable')).status).toBe(404);
  });

  it('changes an org behind the portal’s back so its next PUT conflicts', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const org = (await call(emulator, token, '/api/v2/organizations/me')).json;
    const mutated = await control<{ version: number; name: string }>(emulator, 'POST', '/tenants/acme-prod/mutate', {
      name: 'Acme (edited elsewhere)',
    });
    expect(mutated.body).toMatchObject({ name: 'Acme (edited elsewhere)', version: (org.version as number) + 1 });
    const put = await call(emulator, token, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { ...org, name: 'Mine' },
    });
    expect(put.status).toBe(409);
  });

  it('adds a client with chosen permissions and reports it with its secret', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const added = await control<{ clientId: string; clientSecret: string; permissions: string[] }>(
      emulator,
      'POST',
      '/tenants/acme-sandbox/clients',
      { permissions: ['authorization:role:view'], rateLimitPerMinute: 10 },
    );
    expect(added.status).toBe(201);
    expect(added.body.permissions).toEqual(['authorization:role:view']);
    const token = await getToken(emulator, added.body);
    expect((await call(emulator, token, '/api/v2/authorization/roles')).status).toBe(200);
    expect((await call(emulator, token, '/api/v2/oauth/clients')).status).toBe(403);
    const listed = await control<{ clients: Array<{ clientId: string }>; readOnly: { clientId: string } }>(
      emulator,
      'GET',
      '/tenants/acme-sandbox/clients',
    );
    expect(listed.body.clients.map((client) => client.clientId)).toContain(added.body.clientId);
    expect(listed.body.readOnly.clientId).toBe(emulator.readOnlyCredential('acme-sandbox')?.clientId);
  });

  it('resets the world', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const before = credentialOf(emulator, 'acme-prod');
    await control(emulator, 'POST', `/clients/${before.clientId}/rotate-secret`);
    await control(emulator, 'POST', '/reset');
    expect(credentialOf(emulator, 'acme-prod').clientSecret).toBe(before.clientSecret);
    expect(emulator.stats().requests).toBe(0);
  });
});

describe('config service', () => {
  const fetchTenants = (emulator: ReturnType<typeof createEmulator>, token = emulator.configServiceToken) =>
    emulator.handle(new Request(`${BASE}/api/v1/genesys/tenants`, { headers: { 'X-Service-Token': token } }));

  it('lists current credentials behind the service token', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, configServiceToken: 'a-fixed-service-token' });
    expect(emulator.configServiceToken).toBe('a-fixed-service-token');
    const ok = await fetchTenants(emulator);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { tenants: unknown[] }).tenants).toEqual(emulator.listTenantCredentials());
    const denied = await fetchTenants(emulator, 'wrong');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ error: 'unauthorized' });
    expect((await emulator.handle(new Request(`${BASE}/api/v1/genesys/tenants`))).status).toBe(401);
  });

  it('switches between ok, slow, failing and malformed', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true, now: clock.now, sleep: clock.sleep });
    await control(emulator, 'PUT', '/config-service', { mode: 'slow', latencyMs: 8_000 });
    expect((await fetchTenants(emulator)).status).toBe(200);
    expect(clock.sleeps).toEqual([8_000]);
    await control(emulator, 'PUT', '/config-service', { mode: 'failing' });
    expect((await fetchTenants(emulator)).status).toBe(503);
    await control(emulator, 'PUT', '/config-service', { mode: 'malformed' });
    const malformed = await fetchTenants(emulator);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    expect((await control(emulator, 'PUT', '/config-service', { mode: 'sideways' })).status).toBe(400);
    expect(emulator.stats().configServiceRequests).toBe(3);
  });
});
