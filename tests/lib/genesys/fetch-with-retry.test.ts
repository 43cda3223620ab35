// Retry, Retry-After, backoff, budget and deadline behaviour, end to end through the client
// against the emulator with injected faults. Every wait is recorded by the fake clock.
import { describe, expect, it } from 'vitest';
import { GenesysApiError, GenesysTimeoutError, RateLimitedError } from '@/lib/genesys/errors';
import { fetchWithRetry } from '@/lib/genesys/fetch-with-retry';
import { getOrganization, setFeature, updateOrganization } from '@/lib/genesys/organization';
import { createHarness, createTestGovernor, createTestLogger } from './support/fakes';
import { setupEmulator } from './support/emulator';

const env = setupEmulator([25]);
const ORG_PATH = '/api/v2/organizations/me';

const harness = (options: Parameters<typeof createHarness>[2] = {}) =>
  createHarness(env.mounted.baseUrl, env.clock, options);
const apiCalls = (h: ReturnType<typeof harness>, path = ORG_PATH) => h.sent.filter((s) => s.url.endsWith(path));

describe('fetchWithRetry through the client', () => {
  it('honours Retry-After to the millisecond, without jitter, and penalises the governor', async () => {
    const h = harness({ random: () => 0.987 });
    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '7' }, count: 2 });
    const org = await getOrganization(h.client, env.tenant());
    expect(org.id).toBe(env.tenant().orgId);
    expect(env.clock.sleeps).toEqual([7_000, 7_000]);
    expect(h.governor.penalties).toEqual([
      { tenantId: 'acme-prod', retryAfterMs: 7_000 },
      { tenantId: 'acme-prod', retryAfterMs: 7_000 },
    ]);
    expect(h.governor.acquired).toBe(3);
    expect(h.governor.released).toBe(3);
  });

  it.each([408, 500, 502, 503, 504])('retries %i with full-jitter backoff bounded by the cap', async (status) => {
    const h = harness({ random: () => 0.9999, defaults: { backoff: { baseMs: 1_000, capMs: 2_500 } } });
    await env.fault({ path: ORG_PATH, status, count: 3 });
    await getOrganization(h.client, env.tenant());
    expect(env.clock.sleeps).toEqual([999, 1_999, 2_499]);
    expect(apiCalls(h)).toHaveLength(4);
  });

  it('stops after maxAttempts and reports the last upstream answer', async () => {
    const h = harness({ defaults: { maxAttempts: 3 } });
    await env.fault({ path: ORG_PATH, status: 500, count: 10 });
    const error = await getOrganization(h.client, env.tenant()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error).toMatchObject({ status: 500, code: 'internal.server.error' });
    expect(apiCalls(h)).toHaveLength(3);
    expect(env.clock.sleeps).toHaveLength(2);
  });

  it.each([
    [400, 'bad.request'],
    [401, 'authentication.required'],
    [403, 'not.authorized'],
    [404, 'not.found'],
    [409, 'general.conflict'],
    [422, 'unprocessable.entity'],
  ])('never retries %i', async (status, code) => {
    const h = harness();
    await env.fault({ path: ORG_PATH, status, body: { status, code, message: 'no', contextId: 'ctx-1' }, count: 5 });
    const error = await getOrganization(h.client, env.tenant()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GenesysApiError', status, code, correlationId: expect.any(String) as string });
    expect(apiCalls(h)).toHaveLength(1);
    expect(env.clock.sleeps).toEqual([]);
    expect(h.tokens.invalidated).toEqual([]);
  });

  it('throws RateLimitedError carrying the wait instead of sleeping past the caller budget', async () => {
    const h = harness();
    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '45' } });
    const error = await getOrganization(h.client, env.tenant(), { maxWaitMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ tenantId: 'acme-prod', retryAfterMs: 45_000 });
    expect(env.clock.sleeps).toEqual([]);
    expect(h.governor.penalties).toEqual([{ tenantId: 'acme-prod', retryAfterMs: 45_000 }]);
  });

  it('never waits more than 180 s, whatever the budget', async () => {
    const h = harness({ defaults: { timeoutMs: 3_600_000, maxWaitMs: 3_600_000 } });
    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '181' } });
    await expect(getOrganization(h.client, env.tenant())).rejects.toMatchObject({ retryAfterMs: 181_000 });
    expect(env.clock.sleeps).toEqual([]);

    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '180' } });
    await getOrganization(h.client, env.tenant());
    expect(env.clock.sleeps).toEqual([180_000]);
  });

  it('a final 429 after maxAttempts is a RateLimitedError too', async () => {
    const h = harness({ defaults: { maxAttempts: 2 } });
    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '2' }, count: 2 });
    await expect(getOrganization(h.client, env.tenant())).rejects.toMatchObject({
      name: 'RateLimitedError',
      retryAfterMs: 2_000,
    });
    expect(env.clock.sleeps).toEqual([2_000]);
  });

  it('keeps one deadline over every attempt: slow 503s end in GenesysTimeoutError', async () => {
    const h = harness({ defaults: { timeoutMs: 50_000, backoff: { baseMs: 1_000, capMs: 1_000 } } });
    // Each answer takes 30 s of (fake) time; the second retry could not finish in 50 s.
    await env.fault({ path: ORG_PATH, status: 503, latencyMs: 30_000, count: 5 });
    const started = env.clock.now();
    await expect(getOrganization(h.client, env.tenant())).rejects.toBeInstanceOf(GenesysTimeoutError);
    expect(apiCalls(h)).toHaveLength(2);
    expect(env.clock.now() - started).toBeLessThanOrEqual(62_000);
  });

  it('a Retry-After that cannot end before the deadline is not slept', async () => {
    const h = harness({ defaults: { timeoutMs: 5_000 } });
    await env.fault({ path: ORG_PATH, status: 429, headers: { 'Retry-After': '6' } });
    await expect(getOrganization(h.client, env.tenant())).rejects.toMatchObject({ retryAfterMs: 6_000 });
    expect(env.clock.sleeps).toEqual([]);
  });

  it('passes the remaining budget to the governor', async () => {
    const h = harness({ defaults: { timeoutMs: 20_000, maxWaitMs: 60_000 } });
    await getOrganization(h.client, env.tenant());
    expect(h.governor.acquireOptions[0]?.maxWaitMs).toBeLessThanOrEqual(20_000);
  });

  describe('connection resets', () => {
    it('retries a GET', async () => {
      const h = harness();
      await env.fault({ path: ORG_PATH, connectionReset: true });
      await expect(getOrganization(h.client, env.tenant())).resolves.toMatchObject({
        name: expect.any(String) as string,
      });
      expect(apiCalls(h)).toHaveLength(2);
      expect(h.governor.released).toBe(h.governor.acquired);
    });

    it('retries a PUT (idempotent: same body, same version)', async () => {
      const h = harness();
      const org = await getOrganization(h.client, env.tenant());
      await env.fault({ path: ORG_PATH, method: 'PUT', connectionReset: true });
      const updated = await updateOrganization(h.client, env.tenant(), { version: org.version, name: 'Acme Renamed' });
      expect(updated).toMatchObject({ name: 'Acme Renamed', version: org.version + 1 });
      expect(h.sent.filter((s) => s.method === 'PUT')).toHaveLength(2);
    });

    it('does not retry a PATCH: 502 network.error, nothing secret in the message', async () => {
      const h = harness();
      await env.fault({ path: '/api/v2/organizations/features/*', connectionReset: true });
      const error = await setFeature(h.client, env.tenant(), 'chat', true).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'GenesysApiError', status: 502, code: 'network.error' });
      expect(h.sent.filter((s) => s.method === 'PATCH')).toHaveLength(1);
      const token = h.sent[0]?.headers.Authorization?.slice('Bearer '.length) ?? 'missing';
      expect((error as Error).message).not.toContain(token);
      expect((error as Error).message).not.toContain('emulator.test');
    });

    it('does not retry a POST that is not marked safe', async () => {
      const governor = createTestGovernor();
      let calls = 0;
      const request = fetchWithRetry(
        {
          fetch: () => {
            calls++;
            return Promise.reject(new TypeError('fetch failed'));
          },
          clock: env.clock,
          governor,
          logger: createTestLogger(),
          random: () => 0.5,
        },
        {
          tenant: env.tenant(),
          operation: 'test.unsafePost',
          requestId: 'r-1',
          retrySafe: false,
          url: 'https://emulator.test/api/v2/x',
          method: 'POST',
          headers: {},
          body: '{}',
        },
        { deadline: env.clock.now() + 10_000, maxWaitMs: 10_000, maxAttempts: 5, backoff: { baseMs: 10, capMs: 10 } },
      );
      await expect(request).rejects.toMatchObject({ status: 502, code: 'network.error' });
      expect(calls).toBe(1);
      expect(governor.released).toBe(1);
    });
  });

  describe('the deadline also bounds a hung socket (real timer) and honours the caller signal', () => {
    const hung = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    const deps = () => ({
      fetch: hung,
      clock: env.clock,
      governor: createTestGovernor(),
      logger: createTestLogger(),
      random: () => 0.5,
    });
    const request = {
      tenant: { tenantId: 'acme-prod', rateLimitPerMinute: 300 },
      operation: 'organizations.me',
      requestId: 'r-2',
      retrySafe: true,
      url: 'https://emulator.test/api/v2/organizations/me',
      method: 'GET',
      headers: {},
    };

    it('times out', async () => {
      const budget = {
        deadline: env.clock.now() + 30,
        maxWaitMs: 1_000,
        maxAttempts: 3,
        backoff: { baseMs: 1, capMs: 1 },
      };
      await expect(fetchWithRetry(deps(), request, budget)).rejects.toBeInstanceOf(GenesysTimeoutError);
    });

    it('rethrows the reason of a caller abort', async () => {
      const controller = new AbortController();
      const reason = new Error('user navigated away');
      setTimeout(() => controller.abort(reason), 5);
      const budget = {
        deadline: env.clock.now() + 60_000,
        maxWaitMs: 1_000,
        maxAttempts: 3,
        backoff: { baseMs: 1, capMs: 1 },
        signal: controller.signal,
      };
      await expect(fetchWithRetry(deps(), request, budget)).rejects.toBe(reason);
    });
  });
});
