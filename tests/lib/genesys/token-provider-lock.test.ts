// The cross-instance path with in-memory stores and a fake clock: two providers sharing one
// cache and one lock behave like two portal instances sharing Redis.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';
import { TenantAccessError } from '../../../lib/genesys/errors';
import type { DistributedLock, TenantConnection, TokenCache } from '../../../lib/genesys/ports';
import type { RegionEnvironment } from '../../../lib/genesys/regions';
import { createTokenProvider, tokenLockKey } from '../../../lib/genesys/token-provider';
import { createMemoryLock, createMemoryTokenCache } from '../../../lib/upstream/index';
import { createFakeClock, drive } from '../upstream/support/fake-clock';
import { emulatorFetch, silentLogger } from '../upstream/support/emulator-fetch';

function world() {
  const clock = createFakeClock();
  const emulator = createEmulator({ orgSizes: [5], now: clock.now });
  const credential = emulator.listTenantCredentials()[0]!;
  const tenant: TenantConnection = { ...credential, region: credential.region as RegionEnvironment };
  const cache = createMemoryTokenCache(clock.now);
  const lock = createMemoryLock(clock.now);
  const instance = (shared: { cache?: TokenCache; lock?: DistributedLock } = {}) =>
    createTokenProvider({
      fetch: emulatorFetch(emulator, clock),
      clock,
      logger: silentLogger().logger,
      cache: shared.cache ?? cache,
      lock: shared.lock ?? lock,
      gatewayUrl: new URL('https://emulator.test'),
      lockTtlMs: 10_000,
      lockPollMs: 100,
    });
  const requests = () => emulator.stats().tokenRequests[tenant.clientId] ?? 0;
  return { clock, emulator, tenant, cache, lock, instance, requests };
}

describe('token provider across instances', () => {
  it('two instances, 500 concurrent callers each: one token request in total', async () => {
    const { clock, tenant, instance, requests } = world();
    const [a, b] = [instance(), instance()];
    const calls = Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).getToken(tenant));
    const tokens = await drive(clock, Promise.all(calls));
    expect(requests()).toBe(1);
    expect(new Set(tokens.map((token) => token.value)).size).toBe(1);
  });

  it('a waiting instance takes the token the lock holder wrote, without a request of its own', async () => {
    const { clock, tenant, cache, lock, instance, requests } = world();
    const owner = await lock.tryAcquire(tokenLockKey(tenant.tenantId), 10_000);
    const waiting = instance().getToken(tenant);
    clock.advance(350);
    const written = { value: 'from-the-other-instance', expiresAt: clock.now() + 60_000 };
    await cache.set(tenant.tenantId, written, 60_000);
    await lock.release(tokenLockKey(tenant.tenantId), owner!);
    expect(await drive(clock, waiting)).toEqual(written);
    expect(requests()).toBe(0);
  });

  it('a holder that died: the lock expires and a waiting instance fetches itself', async () => {
    const { clock, tenant, lock, instance, requests } = world();
    await lock.tryAcquire(tokenLockKey(tenant.tenantId), 10_000);
    const start = clock.now();
    const token = await drive(clock, instance().getToken(tenant));
    expect(clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(token.value).toBeTruthy();
    expect(requests()).toBe(1);
  });

  it('a holder that failed and released: the waiter acquires on its next poll', async () => {
    const { clock, tenant, lock, instance, requests } = world();
    const owner = await lock.tryAcquire(tokenLockKey(tenant.tenantId), 10_000);
    const start = clock.now();
    const waiting = instance().getToken(tenant);
    clock.advance(250);
    await lock.release(tokenLockKey(tenant.tenantId), owner!);
    await drive(clock, waiting);
    expect(requests()).toBe(1);
    expect(clock.now() - start).toBeLessThanOrEqual(300); // the next 100 ms poll, not the lock TTL
  });

  it('gives up (bounded) when the lock never frees, without a token request', async () => {
    const { clock, tenant, instance, requests } = world();
    const stuck: DistributedLock = { tryAcquire: () => Promise.resolve(undefined), release: () => Promise.resolve() };
    const error = await drive(clock, instance({ lock: stuck }).getToken(tenant)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantAccessError);
    expect((error as TenantAccessError).code).toBe('token_endpoint_error');
    expect(requests()).toBe(0);
  });
});
