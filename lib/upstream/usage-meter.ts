/**
 * Upstream request counts per tenant in 10-second buckets, for "rate-budget use in the last
 * minutes" on the dashboards. Redis when shared (every instance counts into the same buckets),
 * memory otherwise. Recording is fire-and-forget: a metering failure never fails a request.
 */
import type { Redis } from 'ioredis';
import { tenantKey } from './keys';

export const USAGE_BUCKET_MS = 10_000;
/** Buckets are kept this long (the dashboards show at most the last 15 minutes). */
const RETAIN_MS = 16 * 60_000;

export type UsageKind = 'requests' | 'throttled';

export interface UsageBucket {
  start: number; // epoch ms, aligned to USAGE_BUCKET_MS
  requests: number; // upstream attempts sent
  throttled: number; // 429s received
}

export interface UsageMeter {
  record(tenantId: string, kind: UsageKind, at: number): void;
  /** The last `count` buckets ending with the one containing `now`, oldest first, zero-filled. */
  recent(tenantId: string, now: number, count: number): Promise<UsageBucket[]>;
}

const bucketStart = (at: number) => Math.floor(at / USAGE_BUCKET_MS) * USAGE_BUCKET_MS;

function bucketStarts(now: number, count: number): number[] {
  const last = bucketStart(now);
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * USAGE_BUCKET_MS);
}

export function createMemoryUsageMeter(): UsageMeter {
  const counts = new Map<string, Map<number, UsageBucket>>();
  return {
    record(tenantId, kind, at) {
      let buckets = counts.get(tenantId);
      if (!buckets) counts.set(tenantId, (buckets = new Map<number, UsageBucket>()));
      const start = bucketStart(at);
      const bucket = buckets.get(start) ?? { start, requests: 0, throttled: 0 };
      bucket[kind] += 1;
      buckets.set(start, bucket);
      for (const old of buckets.keys()) if (old < at - RETAIN_MS) buckets.delete(old);
    },
    recent(tenantId, now, count) {
      const buckets = counts.get(tenantId);
      return Promise.resolve(
        bucketStarts(now, count).map((start) => buckets?.get(start) ?? { start, requests: 0, throttled: 0 }),
      );
    },
  };
}

const usageKey = (tenantId: string, start: number) => tenantKey(tenantId, 'usage', String(start));

export function createRedisUsageMeter(redis: Redis, onError: (error: unknown) => void = () => {}): UsageMeter {
  return {
    record(tenantId, kind, at) {
      const key = usageKey(tenantId, bucketStart(at));
      redis.multi().hincrby(key, kind, 1).pexpire(key, RETAIN_MS).exec().catch(onError);
    },
    async recent(tenantId, now, count) {
      const starts = bucketStarts(now, count);
      const pipeline = redis.pipeline();
      for (const start of starts) pipeline.hgetall(usageKey(tenantId, start));
      const results = (await pipeline.exec()) ?? [];
      return starts.map((start, i) => {
        const hash = (results[i]?.[1] ?? {}) as Record<string, string>;
        return { start, requests: Number(hash.requests ?? 0), throttled: Number(hash.throttled ?? 0) };
      });
    },
  };
}
