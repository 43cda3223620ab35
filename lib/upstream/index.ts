/**
 * The stores behind the token provider and the rate governor: Redis when a URL (or client) is
 * given, so several instances share tokens, locks and pacing; in-memory otherwise (one instance).
 * No `server-only`: benches and child processes import this under plain tsx.
 */
import type { Redis } from 'ioredis';
import type { DistributedLock, TokenCache } from '../genesys/ports';
import type { RateStore } from '../genesys/rate-store';
import { createMemoryLock } from './memory-lock';
import { createMemoryRateStore } from './memory-rate-store';
import { createMemoryTokenCache } from './memory-token-cache';
import { createRedisClient, type RedisConnectionLog } from './redis-client';
import { createRedisLock } from './redis-lock';
import { createRedisRateStore } from './redis-rate-store';
import { createRedisTokenCache } from './redis-token-cache';
import { createMemoryUsageMeter, createRedisUsageMeter, type UsageMeter } from './usage-meter';

export interface UpstreamStores {
  kind: 'redis' | 'memory';
  cache: TokenCache;
  lock: DistributedLock;
  rateStore: RateStore;
  /** Upstream request counts per tenant (rate-budget use on the dashboards). */
  usage: UsageMeter;
  /** Disconnects a client this function created; a client passed in is left to its owner. */
  close(): Promise<void>;
}

export function createUpstreamStores(
  options: { redisUrl?: string; redis?: Redis; now?: () => number; log?: RedisConnectionLog } = {},
): UpstreamStores {
  const redis =
    options.redis ??
    (options.redisUrl ? createRedisClient(options.redisUrl, options.log, 'tokens, rate budget') : undefined);
  if (!redis) {
    return {
      kind: 'memory',
      cache: createMemoryTokenCache(options.now),
      lock: createMemoryLock(options.now),
      rateStore: createMemoryRateStore(),
      usage: createMemoryUsageMeter(),
      close: () => Promise.resolve(),
    };
  }
  const owned = options.redis === undefined;
  return {
    kind: 'redis',
    cache: createRedisTokenCache(redis),
    lock: createRedisLock(redis),
    rateStore: createRedisRateStore(redis),
    usage: createRedisUsageMeter(redis),
    async close() {
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export { createMemoryLock, createMemoryRateStore, createMemoryTokenCache };
export { createRedisClient, createRedisLock, createRedisRateStore, createRedisTokenCache };
export { tenantKey } from './keys';
export { createMemoryUsageMeter, createRedisUsageMeter, USAGE_BUCKET_MS } from './usage-meter';
export type { UsageBucket, UsageMeter } from './usage-meter';
