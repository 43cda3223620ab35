/**
 * Brute-force protection for the login: failures are counted per account (guessing one
 * password) and per client address (spraying many accounts). Shared through Redis when given,
 * so every instance sees the same counts; a Redis outage falls back to per-process memory
 * rather than either locking everyone out or dropping the protection.
 *
 * A success clears the account's count but never the address's: otherwise one valid account
 * would let an attacker reset the address limit between guesses at others.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { accountKey, addressKey } from './throttle-keys';

export interface ThrottleLimit {
  failures: number;
  /** Whole seconds (Redis expiries are in seconds). */
  windowMs: number;
}

export interface LoginThrottleOptions {
  redis?: Redis;
  account?: ThrottleLimit;
  address?: ThrottleLimit;
  /** Redis key prefix; tests use their own. */
  keyPrefix?: string;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface LoginThrottle {
  check(email: string, ip: string): Promise<ThrottleDecision>;
  /**
   * Takes this attempt out of both budgets BEFORE the password is verified (atomic increments),
   * so a burst of concurrent guesses gets no more tries than sequential ones. Refused when
   * either budget was already spent. Follow with settle().
   */
  reserve(email: string, ip: string): Promise<ThrottleDecision>;
  /** The reserved attempt's outcome: a failure locks a spent budget; a success gives it back. */
  settle(email: string, ip: string, outcome: 'success' | 'failure'): Promise<ThrottleDecision>;
  /** Counts a failed attempt; says whether the next one is already refused. */
  recordFailure(email: string, ip: string): Promise<ThrottleDecision>;
  recordSuccess(email: string, ip: string): Promise<void>;
}

export const ACCOUNT_LIMIT: ThrottleLimit = { failures: 5, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT: ThrottleLimit = { failures: 20, windowMs: 15 * 60_000 };

interface Counter {
  limiter: RateLimiterAbstract;
  limit: ThrottleLimit;
}

function createCounter(limit: ThrottleLimit, name: string, options: LoginThrottleOptions): Counter {
  const base = { points: limit.failures, duration: Math.ceil(limit.windowMs / 1000) };
  const memory = new RateLimiterMemory({ ...base, keyPrefix: name });
  if (!options.redis) return { limiter: memory, limit };
  const keyPrefix = `${options.keyPrefix ?? 'portal:login'}:${name}`;
  // rejectIfRedisNotReady: while Redis is down, go straight to memory instead of waiting for
  // each command's reconnect and timeout on every login.
  const redis = new RateLimiterRedis({
    ...base,
    keyPrefix,
    storeClient: options.redis,
    insuranceLimiter: memory,
    rejectIfRedisNotReady: true,
  });
  return { limiter: redis, limit };
}

async function blockedFor({ limiter, limit }: Counter, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limit.failures ? Math.max(1, res.msBeforeNext) : 0;
}

async function fail({ limiter, limit }: Counter, key: string): Promise<number> {
  const res = await limiter.penalty(key, 1);
  if (res.consumedPoints < limit.failures) return 0;
  // The lockout lasts a full window from the failure that tripped it.
  await limiter.block(key, Math.ceil(limit.windowMs / 1000));
  return limit.windowMs;
}

async function take({ limiter, limit }: Counter, key: string): Promise<number> {
  const res = await limiter.penalty(key, 1);
  return res.consumedPoints > limit.failures ? Math.max(1, res.msBeforeNext) : 0;
}

async function lockIfSpent({ limiter, limit }: Counter, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limit.failures) return 0;
  await limiter.block(key, Math.ceil(limit.windowMs / 1000));
  return limit.windowMs;
}

const decide = (waits: number[]): ThrottleDecision => {
  const retryAfterMs = Math.max(...waits);
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
};

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const account = createCounter(options.account ?? ACCOUNT_LIMIT, 'account', options);
  const address = createCounter(options.address ?? ADDRESS_LIMIT, 'address', options);
  return {
    async check(email, ip) {
      return decide(await Promise.all([blockedFor(account, accountKey(email)), blockedFor(address, addressKey(ip))]));
    },
    async reserve(email, ip) {
      return decide(await Promise.all([take(account, accountKey(email)), take(address, addressKey(ip))]));
    },
    async settle(email, ip, outcome) {
      if (outcome === 'failure') {
        return decide(
          await Promise.all([lockIfSpent(account, accountKey(email)), lockIfSpent(address, addressKey(ip))]),
        );
      }
      // A success restarts the account's count; the address only gets this attempt back.
      await Promise.all([account.limiter.delete(accountKey(email)), address.limiter.reward(addressKey(ip), 1)]);
      return { allowed: true };
    },
    async recordFailure(email, ip) {
      return decide(await Promise.all([fail(account, accountKey(email)), fail(address, addressKey(ip))]));
    },
    async recordSuccess(email) {
      await account.limiter.delete(accountKey(email));
    },
  };
}
