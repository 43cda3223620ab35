import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TenantCredential } from '../../../emulator/index';
import { TenantAccessError } from '../../../lib/genesys/errors';
import type { TenantConnection, TenantHealthRecorder } from '../../../lib/genesys/ports';
import type { RegionEnvironment } from '../../../lib/genesys/regions';
import { createTokenProvider, type TokenProviderOptions } from '../../../lib/genesys/token-provider';
import { createMemoryLock, createMemoryTokenCache } from '../../../lib/upstream/index';
import { addClient, control } from '../../emulator/support/control';
import { mountEmulator } from '../../emulator/support/msw-emulator';
import { createFakeClock, type FakeClock } from '../upstream/support/fake-clock';
import { silentLogger } from '../upstream/support/emulator-fetch';

const clock: FakeClock = createFakeClock();
const mounted = mountEmulator({ orgSizes: [5, 5], faultControl: true, now: clock.now });
const { emulator } = mounted;
afterAll(() => mounted.close());
beforeEach(() => emulator.reset());

const connectionOf = (credential: TenantCredential, overrides: Partial<TenantConnection> = {}): TenantConnection => ({
  tenantId: credential.tenantId,
  orgId: credential.orgId,
  region: credential.region as RegionEnvironment,
  clientId: credential.clientId,
  clientSecret: credential.clientSecret,
  rateLimitPerMinute: credential.rateLimitPerMinute,
  ...overrides,
});
const tenant = (tenantId = 'acme-prod') =>
  connectionOf(emulator.listTenantCredentials().find((credential) => credential.tenantId === tenantId)!);

function setup(overrides: Partial<TokenProviderOptions> = {}) {
  const { logger, lines } = silentLogger();
  const events: Array<[string, string, object]> = [];
  const health: TenantHealthRecorder = {
    tokenAcquired: (id, details) => void events.push(['acquired', id, details]),
    tokenFailed: (id, details) => void events.push(['failed', id, details]),
    bindingChecked: (id, details) => void events.push(['binding', id, details]),
  };
  const cache = createMemoryTokenCache(clock.now);
  const options: TokenProviderOptions = {
    fetch: (input, init) => fetch(input, init),
    clock,
    logger,
    cache,
    lock: createMemoryLock(clock.now),
    gatewayUrl: new URL(mounted.baseUrl),
    health,
    ...overrides,
  };
  return { provider: createTokenProvider(options), cache, lines, events };
}

const tokenRequests = (clientId: string) => emulator.stats().tokenRequests[clientId] ?? 0;

async function accepted(token: string): Promise<boolean> {
  const response = await fetch(`${mounted.baseUrl}/api/v2/tokens/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status === 200;
}

const failureCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TenantAccessError ? error.code : String(error)),
  );

describe('token provider', () => {
  it('fetches with Basic auth, checks the binding, caches for expires_in minus the margin', async () => {
    const { provider, cache, events } = setup();
    const acme = tenant();
    const start = clock.now();
    const token = await provider.getToken(acme);
    // expires_in 86399 s; margin 5 min.
    expect(token.expiresAt).toBe(start + 86_399_000 - 300_000);
    expect(await accepted(token.value)).toBe(true);
    expect(await cache.get(acme.tenantId)).toEqual(token);
    expect(await provider.getToken(acme)).toEqual(token);
    expect(tokenRequests(acme.clientId)).toBe(1);
    expect(events.map(([kind]) => kind)).toEqual(['binding', 'acquired']);
    expect(events[0]![2]).toMatchObject({ ok: true, reportedOrgId: acme.orgId });
  });

  it('1 000 concurrent callers at token expiry cause exactly one token request', async () => {
    // A 600 s client: margin min(5 min, half of 599 s) = 299.5 s.
    const client = await addClient(emulator, 'acme-prod', [], { accessTokenValiditySeconds: 600 });
    const acme = { ...tenant(), clientId: client.clientId, clientSecret: client.clientSecret };
    const { provider } = setup();
    const first = await provider.getToken(acme);
    expect(first.expiresAt - clock.now()).toBe(599_000 - 299_500);
    clock.advance(299_500);
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => provider.getToken(acme)));
    expect(tokenRequests(client.clientId)).toBe(2);
    expect(new Set(tokens.map((token) => token.value)).size).toBe(1);
    expect(tokens[0]!.value).not.toBe(first.value);
    expect(await accepted(tokens[0]!.value)).toBe(true);
  });

  it('never caches a failed token request: the next caller retries', async () => {
    const { provider, cache, events } = setup();
    const acme = tenant();
    await control(emulator, 'POST', '/faults', { path: '/oauth/token', status: 503 });
    const results = await Promise.all([1, 2, 3].map(() => failureCode(provider.getToken(acme))));
    expect(results).toEqual(['token_endpoint_error', 'token_endpoint_error', 'token_endpoint_error']);
    expect(events).toContainEqual(['failed', 'acme-prod', expect.objectContaining({ code: 'token_endpoint_error' })]);
    expect(await cache.get(acme.tenantId)).toBeUndefined();
    const token = await provider.getToken(acme);
    expect(await accepted(token.value)).toBe(true);
  });

  it('maps a network failure and a malformed grant to token_endpoint_error', async () => {
    const acme = tenant();
    await control(emulator, 'POST', '/faults', { path: '/oauth/token', connectionReset: true });
    expect(await failureCode(setup().provider.getToken(acme))).toBe('token_endpoint_error');
    await control(emulator, 'POST', '/faults', { path: '/oauth/token', status: 200, body: { access_token: 'x' } });
    expect(await failureCode(setup().provider.getToken(acme))).toBe('token_endpoint_error');
  });

  it('invalid_client: re-reads the credentials once and retries with the new secret', async () => {
    const acme = tenant();
    const rotated = await control<{ clientSecret: string }>(
      emulator,
      'POST',
      `/clients/${acme.clientId}/rotate-secret`,
      {
        graceMs: 0,
      },
    );
    const refreshCredentials = vi.fn(() => Promise.resolve({ ...acme, clientSecret: rotated.body.clientSecret }));
    const { provider } = setup({ refreshCredentials });
    const token = await provider.getToken(acme);
    expect(await accepted(token.value)).toBe(true);
    expect(refreshCredentials).toHaveBeenCalledTimes(1);
    expect(refreshCredentials).toHaveBeenCalledWith('acme-prod');
    expect(tokenRequests(acme.clientId)).toBe(2);
  });

  it('invalid_client with nothing new, the same secret, or a still-wrong secret: credentials_invalid', async () => {
    const acme = tenant();
    await control(emulator, 'POST', `/clients/${acme.clientId}/rotate-secret`, { graceMs: 0 });
    const cases = [
      [undefined, 1],
      [acme, 1],
      [{ ...acme, clientSecret: 'still-wrong' }, 2],
    ] as const;
    let expected = 0;
    for (const [fresh, requests] of cases) {
      const refreshCredentials = vi.fn(() => Promise.resolve(fresh));
      const { provider, cache } = setup({ refreshCredentials });
      expect(await failureCode(provider.getToken(acme))).toBe('credentials_invalid');
      expect(refreshCredentials).toHaveBeenCalledTimes(1);
      expect(tokenRequests(acme.clientId)).toBe((expected += requests));
      expect(await cache.get(acme.tenantId)).toBeUndefined();
    }
    // Without a refresher at all: still one request, credentials_invalid.
    expect(await failureCode(setup().provider.getToken(acme))).toBe('credentials_invalid');
  });

  it('a disabled client is credentials_invalid', async () => {
    const acme = tenant();
    await control(emulator, 'POST', `/clients/${acme.clientId}/disable`);
    const { provider, events } = setup({ refreshCredentials: () => Promise.resolve(undefined) });
    expect(await failureCode(provider.getToken(acme))).toBe('credentials_invalid');
    expect(events).toEqual([['failed', 'acme-prod', expect.objectContaining({ code: 'credentials_invalid' })]]);
  });

  it('credentials of another org: tenant_binding_mismatch, nothing cached, recorded', async () => {
    const sandbox = tenant('acme-sandbox');
    const mixedUp = { ...tenant(), orgId: sandbox.orgId };
    const { provider, cache, events } = setup();
    expect(await failureCode(provider.getToken(mixedUp))).toBe('tenant_binding_mismatch');
    expect(await cache.get(mixedUp.tenantId)).toBeUndefined();
    expect(events[0]).toEqual(['binding', 'acme-prod', { at: clock.now(), ok: false, reportedOrgId: tenant().orgId }]);
    expect(events[1]).toEqual(['failed', 'acme-prod', expect.objectContaining({ code: 'tenant_binding_mismatch' })]);
  });

  it('invalidate evicts only the named token, never a newer one', async () => {
    const { provider, cache } = setup();
    const acme = tenant();
    const old = await provider.getToken(acme);
    await provider.invalidate(acme.tenantId, old.value);
    const fresh = await provider.getToken(acme);
    expect(fresh.value).not.toBe(old.value);
    await provider.invalidate(acme.tenantId, old.value);
    expect(await cache.get(acme.tenantId)).toEqual(fresh);
    await provider.invalidate(acme.tenantId);
    expect(await cache.get(acme.tenantId)).toBeUndefined();
  });

  it('logs no token and no secret', async () => {
    const acme = tenant();
    const { provider, lines } = setup();
    const token = await provider.getToken(acme);
    await control(emulator, 'POST', `/clients/${acme.clientId}/rotate-secret`, { graceMs: 0 });
    await provider.invalidate(acme.tenantId);
    await failureCode(provider.getToken(acme));
    const logged = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(1);
    for (const secret of [token.value, acme.clientSecret, btoa(`${acme.clientId}:${acme.clientSecret}`)]) {
      expect(logged).not.toContain(secret);
    }
  });

  it('one caller aborting does not cancel the flight the others share', async () => {
    const { provider } = setup();
    const controller = new AbortController();
    const aborted = provider.getToken(tenant(), { signal: controller.signal });
    const other = provider.getToken(tenant());
    controller.abort(new Error('client went away'));
    await expect(aborted).rejects.toThrow('client went away');
    expect(await accepted((await other).value)).toBe(true);
  });
});
