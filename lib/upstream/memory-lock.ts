/** DistributedLock for a single instance: owner tokens and expiry, same contract as Redis. */
import { randomUUID } from 'node:crypto';
import type { DistributedLock } from '../genesys/ports';

export function createMemoryLock(now: () => number = Date.now): DistributedLock {
  const held = new Map<string, { owner: string; until: number }>();
  return {
    tryAcquire(key, ttlMs) {
      const current = held.get(key);
      if (current && current.until > now()) return Promise.resolve(undefined);
      const owner = randomUUID();
      held.set(key, { owner, until: now() + ttlMs });
      return Promise.resolve(owner);
    },
    release(key, owner) {
      if (held.get(key)?.owner === owner) held.delete(key);
      return Promise.resolve();
    },
  };
}
