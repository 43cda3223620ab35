// THE INDEPENDENT CHECK: the official Genesys Cloud SDK, unchanged, against the emulator over a
// real socket. If the SDK cannot tell the difference for these calls, neither can the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorServer, startEmulatorServer } from '../../emulator/server';
import type { TenantCredential } from '../../emulator/index';
import { sdk, sdkClientForEmulator, type ApiClient } from '../support/official-sdk';

// `ApiClientClass` is a runtime export the typings only declare as a type (genesys-api.md §13).

type ExtendedError = {
  status: number;
  headers: Record<string, string>;
  body: { code: string; message: string; contextId: string };
};

let server: EmulatorServer;
let credential: TenantCredential;

function newClient(): ApiClient {
  return sdkClientForEmulator(server.port, credential.region);
}

async function loggedIn(): Promise<ApiClient> {
  const client = newClient();
  const auth = await client.loginClientCredentialsGrant(credential.clientId, credential.clientSecret);
  expect(auth.accessToken).toBeTruthy();
  return client;
}

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, orgSizes: [137, 20], faultControl: true });
  credential = server.emulator.listTenantCredentials()[0]!;
});
afterAll(() => server.close());

describe('purecloud-platform-client-v2 against the emulator', () => {
  it('logs in with client credentials and reads the token info', async () => {
    const client = newClient();
    const auth = await client.loginClientCredentialsGrant(credential.clientId, credential.clientSecret);
    expect(auth.tokenExpiryTime).toBeGreaterThan(Date.now() + 86_000_000);
    const info = await new sdk.TokensApi(client).getTokensMe();
    expect(info.organization?.id).toBe(credential.orgId);
    expect(info.OAuthClient?.id).toBe(credential.clientId);
  });

  it('rejects a wrong secret with the OAuth error body', async () => {
    const client = newClient();
    await expect(client.loginClientCredentialsGrant(credential.clientId, 'wrong')).rejects.toMatchObject({
      response: { status: 401, data: { error: 'invalid_client' } },
    });
  });

  it('reads and updates the organization, and surfaces the 409 on a stale version', async () => {
    const api = new sdk.OrganizationApi(await loggedIn());
    const org = await api.getOrganizationsMe();
    expect(org).toMatchObject({ id: credential.orgId, name: 'Acme Corp', productPlatform: 'GenesysCloud' });
    const updated = await api.putOrganizationsMe({ body: { ...org, name: 'Acme Corp (SDK)' } });
    expect(updated.version).toBe(org.version + 1);
    expect(updated.name).toBe('Acme Corp (SDK)');
    await expect(api.putOrganizationsMe({ body: { ...org, name: 'stale' } })).rejects.toMatchObject({
      status: 409,
      code: 'general.conflict',
    });
  });

  it('pages through every user of the org', async () => {
    const api = new sdk.UsersApi(await loggedIn());
    const ids = new Set<string>();
    let total = -1;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await api.getUsers({ pageSize: 25, pageNumber, expand: ['authorization'], state: 'any' });
      total = page.total ?? -1;
      if (!page.entities || page.entities.length === 0) break;
      for (const user of page.entities) ids.add(user.id ?? '');
    }
    expect(total).toBe(137);
    expect(ids.size).toBe(137);
  });

  it('searches users and follows nextPage with getUsersSearch', async () => {
    const client = await loggedIn();
    const api = new sdk.UsersApi(client);
    const first = await api.postUsersSearch({
      pageSize: 20,
      query: [{ type: 'EXACT', fields: ['state'], values: ['active'] }],
    });
    expect(first.types).toEqual(['users']);
    expect(first.results.length).toBe(20);
    const q64 = decodeURIComponent(first.nextPage?.split('q64=')[1] ?? '');
    const second = await new sdk.SearchApi(client).getUsersSearch(q64);
    expect(second.pageNumber).toBe(2);
    expect(second.results.map((user) => user.id)).not.toContain(first.results[0]?.id);
  });

  it('lists divisions', async () => {
    const listing = await new sdk.AuthorizationApi(await loggedIn()).getAuthorizationDivisions();
    expect(listing.entities?.some((division) => division.homeDivision)).toBe(true);
  });

  it('exposes a 429 and its Retry-After through extended responses', async () => {
    const limited = server.emulator.listTenantCredentials()[1]!;
    const set = await fetch(`${server.url}/__emulator/clients/${limited.clientId}/rate-limit`, {
      method: 'PUT',
      headers: { 'x-service-token': server.emulator.configServiceToken, 'content-type': 'application/json' },
      body: JSON.stringify({ perMinute: 2 }),
    });
    expect(set.status).toBe(200);
    const client = new sdk.ApiClientClass();
    client.setEnvironment(limited.region);
    client.setGateway({
      host: '127.0.0.1',
      protocol: 'http',
      port: server.port,
      path_params_login: '',
      path_params_api: '',
    });
    await client.loginClientCredentialsGrant(limited.clientId, limited.clientSecret);
    client.setReturnExtendedResponses(true);
    const api = new sdk.OrganizationApi(client);
    await api.getOrganizationsMe();
    await api.getOrganizationsMe();
    const error = (await api.getOrganizationsMe().catch((caught: unknown) => caught)) as ExtendedError;
    expect(error.status).toBe(429);
    expect(error.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(error.headers['retry-after'])).toBeGreaterThan(0);
    expect(error.body.code).toBe('too.many.requests.retry.after');
    expect(error.body.contextId).toBe(error.headers['inin-correlation-id']);
    expect(server.emulator.stats().rateLimited).toBeGreaterThanOrEqual(1);
  });
});
