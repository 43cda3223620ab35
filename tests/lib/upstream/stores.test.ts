// One contract for both implementations of each store; Redis-only details after it.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DistributedLock, TokenCache } from '../../../lib/genesys/ports';
import { gcraReserve } from '../../../lib/genesys/rate-gcra';
import { getRedis, tenantKey } from '../../../lib/redis';
import type { RateStore } from '../../../lib/genesys/rate-store';
import {
  createMemoryLock,
  createMemoryRateStore,
  createMemoryTokenCache,
  createRedisClient,
  createRedisLock,
  createRedisRateStore,
  createRedisTokenCache,
  createUpstreamStores,
} from '../../../lib/upstream/index';

const redis: Redis = createRedisClient(inject('redisUrl'));
afterAll(() => redis.quit());

const tenantId = () => `test-${randomUUID()}`;

const caches: Array<[string, () => TokenCache]> = [
  ['memory', () => createMemoryTokenCache()],
  ['redis', () => createRedisTokenCache(redis)],
];
const locks: Array<[string, () => DistributedLock]> = [
  ['memory', () => createMemoryLock()],
  ['redis', () => createRedisLock(redis)],
];

describe.each(caches)('%s token cache', (_, make) => {
  it('stores per tenant and deletes only the named value', async () => {
    const cache = make();
    const [a, b] = [tenantId(), tenantId()];
    const v1 = { value: 'v1', expiresAt: 1 };
    const v2 = { value: 'v2', expiresAt: 2 };
    await cache.set(a, v1, 60_000);
    expect(await cache.get(a)).toEqual(v1);
    expect(await cache.get(b)).toBeUndefined();
    await cache.set(a, v2, 60_000); // a newer token arrived
    await cache.delete(a, 'v1'); // a caller that saw a 401 on v1
    expect(await cache.get(a)).toEqual(v2);
    await cache.delete(a, 'v2');
    expect(await cache.get(a)).toBeUndefined();
    await cache.set(a, v1, 60_000);
    await cache.delete(a);
    expect(await cache.get(a)).toBeUndefined();
  });
});

describe.each(locks)('%s lock', (_, make) => {
  it('excludes, and compare-and-delete never releases another holder', async () => {
    const lock = make();
    const key = `genesys:tenant:${tenantId()}:token-lock`;
    const first = await lock.tryAcquire(key, 60_000);
    expect(first).toBeDefined();
    expect(await lock.tryAcquire(key, 60_000)).toBeUndefined();
    await lock.release(key, 'not-the-owner');
    expect(await lock.tryAcquire(key, 60_000)).toBeUndefined();
    await lock.release(key, first!);
    const second = await lock.tryAcquire(key, 60_000);
    expect(second).toBeDefined();
    await lock.release(key, first!); // the old holder, late
    expect(await lock.tryAcquire(key, 60_000)).toBeUndefined();
  });
});

describe('redis details', () => {
  it('an expired holder releasing late does not free the new holder', async () => {
    const lock = createRedisLock(redis);
    const key = `genesys:tenant:${tenantId()}:token-lock`;
    const stale = await lock.tryAcquire(key, 60_000);
    await redis.pexpire(key, 1); // the holder's TTL ran out while it was still working
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await lock.tryAcquire(key, 60_000);
    expect(fresh).toBeDefined();
    await lock.release(key, stale!);
    expect(await redis.get(key)).toBe(fresh);
    expect(await redis.pttl(key)).toBeGreaterThan(50_000);
  });

  it('keys carry the tenant id; the token TTL is the one given', async () => {
    const id = tenantId();
    await createRedisTokenCache(redis).set(id, { value: 'v', expiresAt: 9 }, 30_000);
    const ttl = await redis.pttl(`genesys:tenant:${id}:token`);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('an unreadable cache entry is a miss, not an error', async () => {
    const id = tenantId();
    await redis.set(`genesys:tenant:${id}:token`, 'not json', 'PX', 10_000);
    const cache = createRedisTokenCache(redis);
    expect(await cache.get(id)).toBeUndefined();
    await cache.delete(id, 'v');
    expect(await redis.get(`genesys:tenant:${id}:token`)).toBe('not json');
  });

  it('a dead Redis rejects instead of hanging', async () => {
    const dead = createRedisClient('redis://127.0.0.1:1');
    dead.on('error', () => undefined);
    try {
      await expect(dead.get('k')).rejects.toThrow();
    } finally {
      dead.disconnect();
    }
  });

  it('getRedis: one client per URL per process; tenantKey always names the tenant', async () => {
    const url = inject('redisUrl');
    const client = getRedis(url);
    expect(getRedis(url)).toBe(client);
    expect(getRedis(`${url}/1`)).not.toBe(client);
    expect(await client.ping()).toBe('PONG');
    expect(tenantKey('acme-prod', 'token')).toBe('genesys:tenant:acme-prod:token');
    await Promise.all([client.quit(), getRedis(`${url}/1`).quit()]);
  });

  it('createUpstreamStores: Redis with a URL, memory without', async () => {
    const memory = createUpstreamStores();
    expect(memory.kind).toBe('memory');
    const shared = createUpstreamStores({ redisUrl: inject('redisUrl') });
    expect(shared.kind).toBe('redis');
    const id = tenantId();
    await shared.cache.set(id, { value: 'v', expiresAt: 1 }, 10_000);
    expect(await createRedisTokenCache(redis).get(id)).toEqual({ value: 'v', expiresAt: 1 });
    await shared.close();
    await memory.close();
  });
});

// The Lua script must make exactly the decisions of the reference gcraReserve.
type Op = { kind: 'reserve'; dt: number; maxWait: number } | { kind: 'hold'; dt: number; holdMs: number };

describe('rate store: Redis Lua agrees with the in-memory GCRA', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('reserve' as const),
      dt: fc.integer({ min: 0, max: 3_000 }),
      maxWait: fc.integer({ min: 0, max: 20_000 }),
    }),
    fc.record({
      kind: fc.constant('hold' as const),
      dt: fc.integer({ min: 0, max: 3_000 }),
      holdMs: fc.integer({ min: 0, max: 30_000 }),
    }),
  );

  async function run(store: RateStore, key: string, ops: Op[], interval: number, burst: number) {
    let now = 1_700_000_000_000;
    const out: unknown[] = [];
    for (const step of ops) {
      now += step.dt;
      if (step.kind === 'reserve') out.push(await store.reserve(key, now, interval, burst * interval, step.maxWait));
      else {
        await store.hold(key, now, now + step.holdMs);
        out.push(await store.heldUntil(key));
      }
    }
    return out;
  }

  it('on random schedules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 50, max: 2_000 }),
        fc.integer({ min: 0, max: 10 }),
        async (ops, interval, burst) => {
          const key = `genesys:tenant:${tenantId()}:rate`;
          const viaRedis = await run(createRedisRateStore(redis), key, ops, interval, burst);
          const inMemory = await run(createMemoryRateStore(), key, ops, interval, burst);
          expect(viaRedis).toEqual(inMemory);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gcraReserve: a rejected reservation consumes nothing', () => {
    const first = gcraReserve(undefined, 0, 1_000, 0, 0);
    expect(first.reservation).toEqual({ allowedAtMs: 0 });
    const rejected = gcraReserve(first.next, 0, 1_000, 0, 500);
    expect(rejected).toEqual({ reservation: { rejectedRetryAfterMs: 1_000 } });
    expect(gcraReserve(first.next, 0, 1_000, 0, 1_000).reservation).toEqual({ allowedAtMs: 1_000 });
  });
});
