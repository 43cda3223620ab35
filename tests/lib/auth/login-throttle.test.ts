import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createLoginThrottle, type LoginThrottle, type LoginThrottleOptions } from '@/lib/auth/login-throttle';
import { addressBucket } from '@/lib/auth/throttle-keys';
import { createRedisClient } from '@/lib/upstream/redis-client';

const WINDOW = 15 * 60_000;

async function failTimes(throttle: LoginThrottle, n: number, email: (i: number) => string, ip: (i: number) => string) {
  let last;
  for (let i = 0; i < n; i++) last = await throttle.recordFailure(email(i), ip(i));
  return last;
}

function behaviour(name: string, make: (options?: LoginThrottleOptions) => LoginThrottle) {
  describe(`login throttle (${name})`, () => {
    it('reserve() admits exactly as many concurrent attempts as the budget, however they race', async () => {
      const throttle = make();
      const email = `${randomUUID()}@example.test`;
      const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => throttle.reserve(email, `10.7.0.${i}`)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
      for (let i = 0; i < 5; i++) await throttle.settle(email, `10.7.0.${i}`, 'failure');
      expect((await throttle.check(email, '10.7.1.1')).allowed).toBe(false);
    });

    it('a settled success restarts the account budget and refunds the address', async () => {
      const throttle = make({ address: { failures: 2, windowMs: WINDOW } });
      const email = `${randomUUID()}@example.test`;
      const ip = `10.8.${Math.floor(Math.random() * 250)}.1`;
      for (let i = 0; i < 3; i++) {
        expect((await throttle.reserve(email, ip)).allowed).toBe(true);
        await throttle.settle(email, ip, 'success');
      }
      expect(await throttle.check(email, ip)).toEqual({ allowed: true });
    });

    it('locks an account after 5 failures from any addresses, with a Retry-After of about the window', async () => {
      const throttle = make();
      const email = `${randomUUID()}@example.test`;
      expect(
        await failTimes(
          throttle,
          4,
          () => email,
          (i) => `10.0.0.${i}`,
        ),
      ).toEqual({ allowed: true });
      expect(await throttle.check(email, '10.9.9.9')).toEqual({ allowed: true });
      const tripped = await throttle.recordFailure(email, '10.0.0.99');
      expect(tripped).toEqual({ allowed: false, retryAfterMs: WINDOW });
      const decision = await throttle.check(` ${email.toUpperCase()} `, '10.9.9.9');
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) {
        expect(decision.retryAfterMs).toBeGreaterThan(WINDOW - 5_000);
        expect(decision.retryAfterMs).toBeLessThanOrEqual(WINDOW);
      }
      // Another account from the same addresses is unaffected.
      expect(await throttle.check(`other-${email}`, '10.0.0.1')).toEqual({ allowed: true });
    });

    it('locks an address after 20 failures across accounts', async () => {
      const throttle = make();
      const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
      const run = randomUUID();
      expect(
        await failTimes(
          throttle,
          19,
          (i) => `${run}-${i}@example.test`,
          () => ip,
        ),
      ).toEqual({ allowed: true });
      expect((await throttle.recordFailure(`${run}-last@example.test`, ip)).allowed).toBe(false);
      const decision = await throttle.check(`${run}-fresh@example.test`, ip);
      expect(decision).toMatchObject({ allowed: false });
      if (!decision.allowed) expect(decision.retryAfterMs).toBeGreaterThan(0);
      expect(await throttle.check(`${run}-fresh@example.test`, '198.51.100.1')).toEqual({ allowed: true });
    });

    it('a success clears the account count but not the address count', async () => {
      const throttle = make({ address: { failures: 5, windowMs: WINDOW } });
      const email = `${randomUUID()}@example.test`;
      const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
      await failTimes(
        throttle,
        4,
        () => email,
        () => '10.1.1.1',
      );
      await throttle.recordSuccess(email, '10.1.1.1');
      expect(
        await failTimes(
          throttle,
          4,
          () => email,
          () => '10.1.1.2',
        ),
      ).toEqual({ allowed: true });
      // Address: 4 failures, a success elsewhere on it, then one more trips it.
      await failTimes(
        throttle,
        4,
        (i) => `${i}-${email}`,
        () => ip,
      );
      await throttle.recordSuccess(`ok-${email}`, ip);
      expect((await throttle.recordFailure(`x-${email}`, ip)).allowed).toBe(false);
    });

    it('counts a whole IPv6 /64 as one address', async () => {
      const throttle = make({ address: { failures: 3, windowMs: WINDOW } });
      const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
      await failTimes(
        throttle,
        3,
        (i) => `${i}-${randomUUID()}@example.test`,
        (i) => `${prefix}::${i + 1}`,
      );
      expect((await throttle.check(`${randomUUID()}@example.test`, `${prefix}:ffff::abcd`)).allowed).toBe(false);
    });
  });
}

behaviour('memory', (options) => createLoginThrottle(options));

const redis: Redis = createRedisClient(inject('redisUrl'));
// Ready before the first test: while not ready the throttle (rightly) uses its memory fallback.
beforeAll(() => redis.ping());
afterAll(() => redis.quit());
behaviour('redis', (options) => createLoginThrottle({ ...options, redis, keyPrefix: `test:${randomUUID()}` }));

describe('login throttle (redis specifics)', () => {
  it('shares counts between instances and keeps no email or address in clear in its keys', async () => {
    const keyPrefix = `test:${randomUUID()}`;
    const a = createLoginThrottle({ redis, keyPrefix });
    const b = createLoginThrottle({ redis, keyPrefix });
    const email = 'Shared.Person@Example.test';
    await failTimes(
      a,
      3,
      () => email,
      () => '192.0.2.7',
    );
    await failTimes(
      b,
      2,
      () => email,
      () => '192.0.2.7',
    );
    expect((await a.check(email, '192.0.2.8')).allowed).toBe(false);
    const keys = await redis.keys(`${keyPrefix}:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key.toLowerCase()).not.toContain('shared.person');
      expect(key).not.toContain('192.0.2');
    }
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
  });

  it('falls back to memory when Redis is unreachable instead of failing the login', async () => {
    const dead = createRedisClient('redis://127.0.0.1:1');
    dead.on('error', () => undefined);
    try {
      const throttle = createLoginThrottle({ redis: dead, account: { failures: 2, windowMs: WINDOW } });
      expect(await throttle.check('a@example.test', '10.0.0.1')).toEqual({ allowed: true });
      await throttle.recordFailure('a@example.test', '10.0.0.1');
      expect((await throttle.recordFailure('a@example.test', '10.0.0.1')).allowed).toBe(false);
      expect((await throttle.check('a@example.test', '10.0.0.1')).allowed).toBe(false);
    } finally {
      dead.disconnect();
    }
  });
});

describe('login throttle (memory, time)', () => {
  afterEach(() => vi.useRealTimers());

  it('the lockout ends after the window', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
    const throttle = createLoginThrottle();
    await failTimes(
      throttle,
      5,
      () => 'late@example.test',
      () => '10.0.0.1',
    );
    expect((await throttle.check('late@example.test', '10.0.0.2')).allowed).toBe(false);
    vi.advanceTimersByTime(WINDOW - 1_000);
    expect((await throttle.check('late@example.test', '10.0.0.2')).allowed).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(await throttle.check('late@example.test', '10.0.0.2')).toEqual({ allowed: true });
  });
});

describe('address buckets', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    [' ::ffff:192.0.2.1 ', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['', 'unknown'],
    ['unknown', 'unknown'],
  ])('%s → %s', (ip, bucket) => {
    expect(addressBucket(ip)).toBe(bucket);
  });
});
