import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createFakeClock } from './support/fake-clock';
import { BASE, basicAuth, call, credentialOf, getToken, tokenRequest } from './support/direct';

const SIZES = [40, 20, 10];

async function oauth(response: Response) {
  return {
    status: response.status,
    body: (await response.json()) as Record<string, string>,
    headers: response.headers,
  };
}

describe('POST /oauth/token', () => {
  it('issues an opaque bearer token with expires_in one second under the client validity', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const credential = credentialOf(emulator, 'acme-prod');
    const { status, body, headers } = await oauth(
      await emulator.handle(tokenRequest(credential.clientId, credential.clientSecret)),
    );
    expect(status).toBe(200);
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(86399);
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(headers.get('ININ-Correlation-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('Cache-Control')).toBe('no-cache, no-store, must-revalidate');
    expect(emulator.stats().tokenRequests[credential.clientId]).toBe(1);
  });

  it('binds the token to its own org only', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    for (const credential of emulator.listTenantCredentials()) {
      const token = await getToken(emulator, credential);
      const me = await call(emulator, token, '/api/v2/organizations/me');
      expect(me.json.id).toBe(credential.orgId);
    }
  });

  it.each([
    ['a wrong secret', (id: string) => tokenRequest(id, 'not-the-secret')],
    ['an unknown client', () => tokenRequest('00000000-0000-4000-8000-000000000000', 'x')],
    [
      'no Authorization header',
      () =>
        new Request(`${BASE}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        }),
    ],
    [
      'credentials in the body instead of Basic',
      (id: string, secret: string) =>
        new Request(`${BASE}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `grant_type=client_credentials&client_id=${id}&client_secret=${secret}`,
        }),
    ],
    [
      'a malformed Basic header',
      () =>
        new Request(`${BASE}/oauth/token`, {
          method: 'POST',
          headers: { authorization: 'Basic !!!', 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        }),
    ],
  ])('answers 401 invalid_client for %s', async (_label, build) => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const credential = credentialOf(emulator, 'acme-prod');
    const { status, body } = await oauth(await emulator.handle(build(credential.clientId, credential.clientSecret)));
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
    expect(body.description).toBe(body.error_description);
  });

  it('answers 400 for bad grants and bodies', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const { clientId, clientSecret } = credentialOf(emulator, 'acme-prod');
    const cases: Array<[Request, string]> = [
      [tokenRequest(clientId, clientSecret, ''), 'invalid_request'],
      [tokenRequest(clientId, clientSecret, 'grant_type=magic'), 'unsupported_grant_type'],
      [tokenRequest(clientId, clientSecret, 'grant_type=authorization_code&code=x'), 'unauthorized_client'],
      [
        new Request(`${BASE}/oauth/token`, {
          method: 'POST',
          headers: { authorization: basicAuth(clientId, clientSecret), 'content-type': 'application/json' },
          body: '{"grant_type":"client_credentials"}',
        }),
        'invalid_request',
      ],
    ];
    for (const [request, error] of cases) {
      const { status, body } = await oauth(await emulator.handle(request));
      expect([status, body.error]).toEqual([400, error]);
    }
  });

  it('answers 400 unauthorized_client for a client whose grant type is not client credentials', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const added = await emulator.handle(
      new Request(`${BASE}/__emulator/tenants/acme-prod/clients`, {
        method: 'POST',
        headers: { 'x-service-token': emulator.configServiceToken, 'content-type': 'application/json' },
        body: JSON.stringify({ permissions: [], authorizedGrantType: 'CODE' }),
      }),
    );
    const client = (await added.json()) as { clientId: string; clientSecret: string };
    const { status, body } = await oauth(await emulator.handle(tokenRequest(client.clientId, client.clientSecret)));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'unauthorized_client',
      description: 'client is not authorized to use the client_credential grant type',
      error_description: 'client is not authorized to use the client_credential grant type',
    });
  });

  it('refuses other HTTP methods', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const response = await emulator.handle(new Request(`${BASE}/oauth/token`));
    expect(response.status).toBe(405);
  });

  it('expires tokens by the injected clock', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, now: clock.now });
    const token = await getToken(emulator, credentialOf(emulator, 'globex-eu'));
    clock.advance(86_399_000);
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200);
    clock.advance(1_000);
    const expired = await call(emulator, token, '/api/v2/organizations/me');
    expect(expired.status).toBe(401);
    expect(expired.json.code).toBe('bad.credentials');
  });

  it('refuses a client on another region login host', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const globex = credentialOf(emulator, 'globex-eu'); // mypurecloud.de
    const wrong = await emulator.handle(
      tokenRequest(globex.clientId, globex.clientSecret, undefined, 'https://login.mypurecloud.com'),
    );
    const right = await emulator.handle(
      tokenRequest(globex.clientId, globex.clientSecret, undefined, 'https://login.mypurecloud.de'),
    );
    expect([wrong.status, right.status]).toEqual([401, 200]);
  });
});
