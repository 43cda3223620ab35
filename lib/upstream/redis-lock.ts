/**
 * DistributedLock over Redis: SET key owner NX PX ttl; release is compare-and-delete in Lua, so
 * a holder whose lock expired (and was taken by someone else) can never release the new
 * holder's lock. (Single Redis node; Redlock across nodes is not needed for a refresh lock:
 * losing exclusivity costs one extra token request, never a wrong token.)
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { DistributedLock } from '../genesys/ports';

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRedisLock(redis: Redis): DistributedLock {
  return {
    async tryAcquire(key, ttlMs) {
      const owner = randomUUID();
      const result = await redis.set(key, owner, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
      return result === 'OK' ? owner : undefined;
    },
    async release(key, owner) {
      await redis.eval(RELEASE, 1, key, owner);
    },
  };
}
