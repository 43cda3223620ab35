import { Redis } from 'ioredis';

/** A short-lived client of the cluster's Redis, for test setup (deleting cached tokens). */
export async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Token keys of lib/upstream/redis-token-cache.ts and lib/genesys/token-provider.ts. */
export const tokenKey = (tenantId: string) => `genesys:tenant:${tenantId}:token`;
export const tokenLockKey = (tenantId: string) => `genesys:tenant:${tenantId}:token-lock`;
