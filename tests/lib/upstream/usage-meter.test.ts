// Both usage meters count into the same 10 s buckets and answer zero-filled windows.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { RateGovernor } from '@/lib/genesys/ports';
import { withUsageMeter } from '@/lib/upstream/metered-governor';
import {
  createMemoryUsageMeter,
  createRedisClient,
  createRedisUsageMeter,
  USAGE_BUCKET_MS,
  type UsageMeter,
} from '@/lib/upstream/index';

const redis: Redis = createRedisClient(inject('redisUrl'));
afterAll(() => redis.quit());

const T0 = 1_800_000_000_000; // aligned to a bucket start
const settle = () => new Promise((resolve) => setTimeout(resolve, 50)); // Redis records are fire-and-forget

const meters: Array<[string, () => UsageMeter]> = [
  ['memory', () => createMemoryUsageMeter()],
  ['redis', () => createRedisUsageMeter(redis)],
];

describe.each(meters)('%s usage meter', (_, make) => {
  it('counts requests and 429s per bucket, per tenant, oldest bucket first', async () => {
    const meter = make();
    const [a, b] = [`t-${randomUUID()}`, `t-${randomUUID()}`];
    meter.record(a, 'requests', T0 + 1);
    meter.record(a, 'requests', T0 + USAGE_BUCKET_MS - 1);
    meter.record(a, 'throttled', T0 + 5);
    meter.record(a, 'requests', T0 + USAGE_BUCKET_MS + 2);
    meter.record(b, 'requests', T0 + 3);
    await settle();

    const window = await meter.recent(a, T0 + USAGE_BUCKET_MS + 5, 3);
    expect(window).toEqual([
      { start: T0 - USAGE_BUCKET_MS, requests: 0, throttled: 0 },
      { start: T0, requests: 2, throttled: 1 },
      { start: T0 + USAGE_BUCKET_MS, requests: 1, throttled: 0 },
    ]);
    expect((await meter.recent(b, T0, 1))[0]).toEqual({ start: T0, requests: 1, throttled: 0 });
  });

  it('answers an all-zero window for a tenant never seen', async () => {
    const window = await make().recent(`t-${randomUUID()}`, T0, 6);
    expect(window).toHaveLength(6);
    expect(window.every((bucket) => bucket.requests === 0 && bucket.throttled === 0)).toBe(true);
    expect(window[5]!.start).toBe(T0);
  });
});

describe('withUsageMeter', () => {
  it('records one request per granted slot and one 429 per penalty, and passes both through', async () => {
    const calls: string[] = [];
    const inner: RateGovernor = {
      acquire: (tenant) => {
        calls.push(`acquire:${tenant.tenantId}`);
        return Promise.resolve(() => calls.push('release'));
      },
      penalize: (tenantId, ms) => {
        calls.push(`penalize:${tenantId}:${ms}`);
        return Promise.resolve();
      },
    };
    const meter = createMemoryUsageMeter();
    const governor = withUsageMeter(inner, meter, { now: () => T0, sleep: () => Promise.resolve() });
    const release = await governor.acquire({ tenantId: 'acme', rateLimitPerMinute: 300 }, { maxWaitMs: 10 });
    release();
    await governor.penalize('acme', 2000);
    expect(calls).toEqual(['acquire:acme', 'release', 'penalize:acme:2000']);
    expect(await meter.recent('acme', T0, 1)).toEqual([{ start: T0, requests: 1, throttled: 1 }]);
  });

  it('counts nothing when the governor refuses a slot', async () => {
    const meter = createMemoryUsageMeter();
    const refusing: RateGovernor = {
      acquire: () => Promise.reject(new Error('budget exhausted')),
      penalize: () => Promise.resolve(),
    };
    const governor = withUsageMeter(refusing, meter, { now: () => T0, sleep: () => Promise.resolve() });
    await expect(governor.acquire({ tenantId: 'acme', rateLimitPerMinute: 300 }, { maxWaitMs: 1 })).rejects.toThrow();
    expect((await meter.recent('acme', T0, 1))[0]!.requests).toBe(0);
  });
});
