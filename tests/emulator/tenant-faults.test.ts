import { describe, expect, it } from 'vitest';
import { ConnectionResetError, createEmulator } from '../../emulator/index';
import { call, credentialOf, getToken, tokenRequest } from './support/direct';
import { control } from './support/control';

// Tenant-scoped faults: the fault drills fail one tenant's upstream while the others keep going.
const SIZES = [30, 20, 10];

describe('tenant-scoped faults', () => {
  it('hit only the named tenant’s API calls, by tenant id or org id, and are listed with the org id', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const acme = credentialOf(emulator, 'acme-prod');
    const sandbox = credentialOf(emulator, 'acme-sandbox');
    const [acmeToken, sandboxToken] = [await getToken(emulator, acme), await getToken(emulator, sandbox)];
    const added = await control(emulator, 'POST', '/faults', {
      path: '/api/v2/organizations/me',
      tenant: 'acme-prod',
      status: 503,
      count: 2,
    });
    expect([added.status, added.body.tenant]).toEqual([201, acme.orgId]);
    await control(emulator, 'POST', '/faults', { path: '/api/v2/users', tenant: sandbox.orgId, status: 502 });

    expect((await call(emulator, sandboxToken, '/api/v2/organizations/me')).status).toBe(200);
    expect((await call(emulator, acmeToken, '/api/v2/organizations/me')).status).toBe(503);
    expect((await call(emulator, acmeToken, '/api/v2/users')).status).toBe(200);
    expect((await call(emulator, sandboxToken, '/api/v2/users')).status).toBe(502);
    expect((await call(emulator, acmeToken, '/api/v2/organizations/me')).status).toBe(503);
    expect((await call(emulator, acmeToken, '/api/v2/organizations/me')).status).toBe(200); // used up
    expect((await control<{ faults: unknown[] }>(emulator, 'GET', '/faults')).body.faults).toEqual([]);
  });

  it('match a token request by the Basic-auth client’s org, and a request without credentials never', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const acme = credentialOf(emulator, 'acme-prod');
    const globex = credentialOf(emulator, 'globex-eu');
    await control(emulator, 'POST', '/faults', { path: '*', tenant: 'globex-eu', connectionReset: true, count: 1 });

    expect((await call(emulator, undefined, '/api/v2/organizations/me')).status).toBe(401);
    expect((await emulator.handle(tokenRequest(acme.clientId, acme.clientSecret))).status).toBe(200);
    // A wrong secret still names the client, so the fault applies before the secret is checked.
    await expect(emulator.handle(tokenRequest(globex.clientId, 'wrong'))).rejects.toBeInstanceOf(ConnectionResetError);
    expect((await emulator.handle(tokenRequest(globex.clientId, globex.clientSecret))).status).toBe(200);
  });

  it('refuse an unknown tenant with 404 and queue nothing', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const refused = await control(emulator, 'POST', '/faults', { path: '*', tenant: 'nobody', status: 500 });
    expect(refused.status).toBe(404);
    expect((await control<{ faults: unknown[] }>(emulator, 'GET', '/faults')).body.faults).toEqual([]);
  });
});

describe('statuses per org', () => {
  it('count each org’s answers, faulted and rate-limited ones included', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const acme = credentialOf(emulator, 'acme-prod');
    const sandbox = credentialOf(emulator, 'acme-sandbox');
    const acmeToken = await getToken(emulator, acme);
    const sandboxToken = await getToken(emulator, sandbox);
    await control(emulator, 'PUT', `/clients/${sandbox.clientId}/rate-limit`, { perMinute: 1 });
    await control(emulator, 'POST', '/faults', { path: '/api/v2/users', tenant: 'acme-prod', status: 500 });

    await call(emulator, acmeToken, '/api/v2/organizations/me');
    await call(emulator, acmeToken, '/api/v2/users');
    await call(emulator, sandboxToken, '/api/v2/organizations/me');
    await call(emulator, sandboxToken, '/api/v2/organizations/me');

    expect(emulator.stats().responsesByOrg).toEqual({
      [acme.orgId]: { '200': 2, '500': 1 }, // the token, the org, the faulted users call
      [sandbox.orgId]: { '200': 2, '429': 1 },
    });
  });
});
