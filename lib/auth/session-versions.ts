/**
 * A counter per user that every session cookie carries: logout, disable and a password change
 * bump it, and a cookie with an older number is dead on every instance at once (Redis), with
 * nothing to list or delete. Without Redis the counters live in this process only, and start
 * from the process's start time: a restart then ends every session instead of reviving cookies
 * that a logout before the restart had killed (a counter restarting at 0 would match them again).
 */
import type { Redis } from 'ioredis';

export interface SessionVersions {
  /** Redis: 0 for a user never bumped. Memory: this process's base. */
  current(userId: string): Promise<number>;
  /** The new version. */
  bump(userId: string): Promise<number>;
}

export const sessionVersionKey = (userId: string) => `portal:user:${userId}:session-version`;

export function createSessionVersions(options: { redis?: Redis; memoryBase?: number } = {}): SessionVersions {
  const { redis } = options;
  if (redis) {
    return {
      // No expiry: an expired counter would fall back to 0 and revive the cookies it killed.
      current: async (userId) => Number((await redis.get(sessionVersionKey(userId))) ?? 0),
      bump: (userId) => redis.incr(sessionVersionKey(userId)),
    };
  }
  const base = options.memoryBase ?? Date.now();
  const versions = new Map<string, number>();
  return {
    current: (userId) => Promise.resolve(versions.get(userId) ?? base),
    bump: (userId) => {
      const next = (versions.get(userId) ?? base) + 1;
      versions.set(userId, next);
      return Promise.resolve(next);
    },
  };
}
