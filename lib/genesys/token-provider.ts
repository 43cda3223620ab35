/**
 * Access tokens per tenant, fetched at most once at a time:
 *   - in process: one promise per tenant that every concurrent caller awaits (evicted when it
 *     settles, so a failure is retried by the next caller and never cached);
 *   - across instances: a DistributedLock. The winner fetches and writes the shared cache;
 *     the others poll the cache until the token appears or the lock frees.
 * TTL = expires_in − margin (token-acquire.ts). Failures are TenantAccessError (fail closed).
 */
import { TenantAccessError } from './errors';
import type {
  AccessToken,
  Clock,
  CredentialRefresher,
  DistributedLock,
  FetchLike,
  GenesysLogger,
  TenantConnection,
  TenantHealthRecorder,
  TokenCache,
  TokenProvider,
} from './ports';
import { createTokenAcquirer } from './token-acquire';

export interface TokenProviderOptions {
  fetch: FetchLike;
  clock: Clock;
  logger: GenesysLogger;
  cache: TokenCache;
  lock: DistributedLock;
  gatewayUrl?: URL;
  /** Default 5 min, never more than half the token's lifetime. */
  marginMs?: number;
  /** Default 30 s: longer than the worst acquisition (4 calls × requestTimeoutMs). */
  lockTtlMs?: number;
  /** Default 5 s per HTTP call. */
  requestTimeoutMs?: number;
  /** How often a waiting instance looks at the cache again. Default 100 ms. */
  lockPollMs?: number;
  health?: TenantHealthRecorder;
  refreshCredentials?: CredentialRefresher;
}

export const tokenLockKey = (tenantId: string) => `genesys:tenant:${tenantId}:token-lock`;

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { clock, cache, lock, logger } = options;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const lockPollMs = options.lockPollMs ?? 100;
  const acquireToken = createTokenAcquirer({
    ...options,
    marginMs: options.marginMs ?? 5 * 60_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
  });
  const flights = new Map<string, Promise<AccessToken>>();

  async function cached(tenantId: string): Promise<AccessToken | undefined> {
    const token = await cache.get(tenantId);
    return token && token.expiresAt > clock.now() ? token : undefined;
  }

  async function fetchUnderLock(tenant: TenantConnection, owner: string): Promise<AccessToken> {
    try {
      // Another instance may have finished between our cache miss and our lock.
      const fresh = await cached(tenant.tenantId);
      if (fresh) return fresh;
      const token = await acquireToken(tenant);
      await cache.set(tenant.tenantId, token, Math.max(1, token.expiresAt - clock.now()));
      return token;
    } finally {
      await lock.release(tokenLockKey(tenant.tenantId), owner).catch(() => {
        // The lock expires on its own; a failed release only delays the next refresh.
        logger.warn({ tenantId: tenant.tenantId }, 'token lock release failed');
      });
    }
  }

  async function resolve(tenant: TenantConnection): Promise<AccessToken> {
    const { tenantId } = tenant;
    const hit = await cached(tenantId);
    if (hit) return hit;
    // Bounded: a holder that died leaves the lock for at most lockTtlMs, then we take it.
    const giveUpAt = clock.now() + 2 * lockTtlMs;
    for (;;) {
      const owner = await lock.tryAcquire(tokenLockKey(tenantId), lockTtlMs);
      if (owner !== undefined) return fetchUnderLock(tenant, owner);
      if (clock.now() >= giveUpAt) {
        throw new TenantAccessError(
          tenantId,
          'token_endpoint_error',
          'Timed out waiting for a token request elsewhere',
        );
      }
      await clock.sleep(lockPollMs);
      const polled = await cached(tenantId);
      if (polled) return polled;
    }
  }

  function flightFor(tenant: TenantConnection): Promise<AccessToken> {
    const existing = flights.get(tenant.tenantId);
    if (existing) return existing;
    const flight = resolve(tenant);
    flights.set(tenant.tenantId, flight);
    // Registered before any caller awaits, so a rejected flight is gone before they can retry.
    const evict = () => {
      if (flights.get(tenant.tenantId) === flight) flights.delete(tenant.tenantId);
    };
    flight.then(evict, evict);
    return flight;
  }

  return {
    getToken(tenant, { signal } = {}) {
      signal?.throwIfAborted();
      const flight = flightFor(tenant);
      if (!signal) return flight;
      // One caller giving up must not cancel the flight the others share.
      return new Promise<AccessToken>((resolvePromise, reject) => {
        const onAbort = () => reject(signal.reason as Error);
        signal.addEventListener('abort', onAbort, { once: true });
        flight.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    invalidate: (tenantId, tokenValue) => cache.delete(tenantId, tokenValue),
  };
}
