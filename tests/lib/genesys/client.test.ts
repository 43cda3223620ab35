// The client against the emulator: headers, regional hosts, 401 re-auth, 403 permissions, 409,
// contract errors and what the logs may (not) contain.
import { describe, expect, it } from 'vitest';
import { GenesysContractError, InvalidApiRequestError } from '@/lib/genesys/errors';
import { getOrganization, updateOrganization } from '@/lib/genesys/organization';
import { listRoles } from '@/lib/genesys/authorization';
import { searchUsers } from '@/lib/genesys/users';
import { addClient } from '../../emulator/support/control';
import { createHarness, toConnection } from './support/fakes';
import { setupEmulator } from './support/emulator';

const REGION_HOST = 'https://api.mypurecloud.com';
const env = setupEmulator([25, 25], [REGION_HOST]);
const ORG_PATH = '/api/v2/organizations/me';
const harness = (options: Parameters<typeof createHarness>[2] = {}) =>
  createHarness(env.mounted.baseUrl, env.clock, options);

describe('createGenesysClient', () => {
  it('sends the token, the tenant org, a request id and JSON headers; nothing else leaks', async () => {
    const h = harness();
    const tenant = env.tenant();
    await h.client.request(tenant, 'organizations.me', { requestId: 'req-123' });
    await searchUsers(h.client, tenant, { pageSize: 5, query: [{ type: 'MATCH_ALL' }] });
    const [get, post] = h.sent;
    expect(get).toMatchObject({ method: 'GET', url: `${env.mounted.baseUrl}${ORG_PATH}` });
    expect(get?.headers).toEqual({
      Authorization: expect.stringMatching(/^Bearer \S+$/) as string,
      'X-Genesys-Organization': tenant.orgId,
      'X-Request-Id': 'req-123',
      Accept: 'application/json',
    });
    expect(post?.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Request-Id': expect.any(String) as string,
    });
    expect(post?.headers['X-Request-Id']).not.toBe('req-123');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ pageSize: 5, query: [{ type: 'MATCH_ALL' }] });
  });

  it("without a gateway, calls go to the tenant's regional host", async () => {
    const h = harness({ gatewayUrl: null });
    const org = await getOrganization(h.client, env.tenant());
    expect(org.id).toBe(env.tenant().orgId);
    expect(h.sent[0]?.url).toBe(`${REGION_HOST}${ORG_PATH}`);
  });

  it('refuses a bad path parameter before anything is sent', async () => {
    const h = harness();
    await expect(h.client.request(env.tenant(), 'users.get', { params: { userId: '../me' } })).rejects.toBeInstanceOf(
      InvalidApiRequestError,
    );
    expect(h.sent).toEqual([]);
  });

  describe('401 bad.credentials', () => {
    it('invalidates exactly that token, re-acquires once and retries once', async () => {
      const h = harness();
      const tenant = env.tenant();
      await getOrganization(h.client, tenant);
      const oldToken = h.sent[0]?.headers.Authorization?.slice(7);
      await env.control('POST', `/clients/${tenant.clientId}/revoke-tokens`);
      const org = await getOrganization(h.client, tenant);
      expect(org.id).toBe(tenant.orgId);
      expect(h.tokens.invalidated).toEqual([oldToken]);
      expect(h.tokens.fetched).toBe(2);
      expect(h.sent.map((s) => s.headers.Authorization?.slice(7))).toEqual([
        oldToken,
        oldToken,
        expect.any(String) as string,
      ]);
      expect(h.sent[2]?.headers.Authorization).not.toBe(`Bearer ${oldToken}`);
    });

    it('treats credentials.expired (UNVERIFIED code) like bad.credentials', async () => {
      const h = harness();
      const body = { status: 401, code: 'credentials.expired', message: 'expired' };
      await env.fault({ path: ORG_PATH, status: 401, body });
      await expect(getOrganization(h.client, env.tenant())).resolves.toMatchObject({ id: env.tenant().orgId });
      expect(h.tokens.invalidated).toHaveLength(1);
      expect(h.sent).toHaveLength(2);
    });

    it('a second 401 is a GenesysApiError, not a loop', async () => {
      const h = harness();
      await env.fault({ path: ORG_PATH, status: 401, count: 5 });
      await expect(getOrganization(h.client, env.tenant())).rejects.toMatchObject({
        name: 'GenesysApiError',
        status: 401,
        code: 'bad.credentials',
      });
      expect(h.sent).toHaveLength(2);
      expect(h.tokens.invalidated).toHaveLength(1);
    });
  });

  describe('403', () => {
    it('names directory:organization:admin for the read-only client and says where to grant it', async () => {
      const h = harness();
      const tenant = env.readOnlyTenant();
      const org = await getOrganization(h.client, tenant);
      const error = await updateOrganization(h.client, tenant, { version: org.version, name: 'X' }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        name: 'GenesysApiError',
        status: 403,
        code: 'missing.any.permissions',
        missingPermissions: ['directory:organization:admin'],
        correlationId: expect.any(String) as string,
      });
      expect((error as Error).message).toMatch(/directory:organization:admin/);
      expect((error as Error).message).toMatch(/Admin > Roles/);
      expect((error as Error).message).toMatch(/OAuth/);
    });

    it('works for any missing permission (a client holding nothing)', async () => {
      const h = harness();
      const bare = await addClient(env.mounted.emulator, 'acme-prod', []);
      const tenant = { ...env.tenant(), clientId: bare.clientId, clientSecret: bare.clientSecret };
      await expect(listRoles(h.client, tenant)).rejects.toMatchObject({
        missingPermissions: ['authorization:role:view'],
      });
    });

    it.each([
      ['You are missing the following permission(s): [a:b:c, d:e:f]', ['a:b:c', 'd:e:f']],
      ['assigned: [ "routing:queue:view" ,admin ]', ['routing:queue:view', 'admin']],
      ['You are missing the following permission(s): directory:user:view.', ['directory:user:view']],
      ['You are not authorized to perform the requested action.', []],
    ])('parses %j tolerantly', async (message, expected) => {
      const h = harness();
      await env.fault({ path: ORG_PATH, status: 403, body: { status: 403, code: 'missing.permissions', message } });
      await expect(getOrganization(h.client, env.tenant())).rejects.toMatchObject({ missingPermissions: expected });
    });
  });

  it('a stale version answers 409 general.conflict and is not retried', async () => {
    const h = harness();
    const tenant = env.tenant();
    const org = await getOrganization(h.client, tenant);
    await env.control('POST', '/tenants/acme-prod/mutate', { name: 'Edited in the Genesys UI' });
    const error = await updateOrganization(h.client, tenant, { version: org.version, name: 'Mine' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'GenesysApiError', status: 409, code: 'general.conflict' });
    expect(h.sent.filter((s) => s.method === 'PUT')).toHaveLength(1);
  });

  it('a body that breaks the schema is a GenesysContractError, logged without its values', async () => {
    const h = harness();
    const body = { id: 'org-1', name: 'SENSITIVE-NAME', version: 'twelve', domain: 'SENSITIVE-DOMAIN' };
    await env.fault({ path: ORG_PATH, status: 200, body });
    const error = await getOrganization(h.client, env.tenant()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysContractError);
    const contract = error as GenesysContractError;
    expect(contract.operation).toBe('organizations.me');
    expect(contract.issues).toEqual([expect.stringMatching(/^version: /) as string]);
    expect(contract.correlationId).toEqual(expect.any(String) as string);
    const logged = h.logger.entries.filter((entry) => entry.level === 'error');
    expect(logged).toEqual([
      {
        level: 'error',
        message: 'genesys contract violation',
        details: expect.objectContaining({
          operation: 'organizations.me',
          correlationId: contract.correlationId,
        }) as object,
      },
    ]);
    const everything = JSON.stringify(h.logger.entries) + contract.message;
    expect(everything).not.toMatch(/SENSITIVE|twelve/);
  });

  it('logs each attempt at debug with its context and never the token', async () => {
    const h = harness();
    await env.fault({ path: ORG_PATH, status: 503 });
    await getOrganization(h.client, env.tenant(), { requestId: 'req-9' });
    const debug = h.logger.entries.filter((entry) => entry.level === 'debug').map((entry) => entry.details);
    expect(debug).toEqual([
      expect.objectContaining({ method: 'GET', operation: 'organizations.me', status: 503, attempt: 1 }),
      expect.objectContaining({ method: 'GET', operation: 'organizations.me', status: 200, attempt: 2 }),
    ]);
    for (const details of debug)
      expect(details).toMatchObject({
        tenantId: 'acme-prod',
        requestId: 'req-9',
        durationMs: expect.any(Number) as number,
        correlationId: expect.any(String) as string,
      });
    const token = h.sent[0]?.headers.Authorization?.slice(7) ?? 'missing';
    const secret = env.tenant().clientSecret;
    const logs = JSON.stringify(h.logger.entries);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/bearer/i);
  });

  it('tenants never cross: each request carries its own token and org', async () => {
    const h = harness();
    const [a, b] = env.mounted.emulator.listTenantCredentials().map(toConnection);
    if (!a || !b) throw new Error('two tenants expected');
    const [orgA, orgB] = await Promise.all([getOrganization(h.client, a), getOrganization(h.client, b)]);
    expect([orgA.id, orgB.id]).toEqual([a.orgId, b.orgId]);
    const byOrg = new Map(h.sent.map((s) => [s.headers['X-Genesys-Organization'], s.headers.Authorization]));
    expect(byOrg.size).toBe(2);
    expect(byOrg.get(a.orgId)).not.toBe(byOrg.get(b.orgId));
  });
});
