/**
 * One snapshot per tenant at a time. Taking one holds the tenant's lock (the token provider's
 * DistributedLock: Redis `SET NX PX` with compare-and-delete release when Redis is configured,
 * in-process otherwise), and a small progress record beside it says who is taking which
 * snapshot and how far it got: the 1 s progress poll reads that one key instead of every
 * snapshot, and listing uses it to tell a live `taking` snapshot from one whose instance died.
 * Both expire after SNAPSHOT_STALE_MS; a run stops itself at SNAPSHOT_MAX_RUN_MS, well before.
 * No `server-only`: the tests drive this under plain Vitest.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { DistributedLock } from '../genesys/ports';
import { createMemoryLock } from '../upstream/memory-lock';
import { createRedisLock } from '../upstream/redis-lock';
import { assertTenantId } from './store';
import { SNAPSHOT_MAX_RUN_MS, SNAPSHOT_STALE_MS } from './types';

export const snapshotProgressSchema = z.strictObject({
  /** Null until the snapshot's record exists (the lock is taken first). */
  snapshotId: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.iso.datetime(),
  total: z.number().int().min(0),
  expected: z.number().int().min(0).nullable(),
});
export type SnapshotProgress = z.infer<typeof snapshotProgressSchema>;

export interface SnapshotRun {
  /** Aborted at SNAPSHOT_MAX_RUN_MS, so the run ends before its lock can expire. */
  readonly signal: AbortSignal;
  report(progress: Pick<SnapshotProgress, 'snapshotId' | 'total' | 'expected'>): Promise<void>;
  /** Releases the tenant (only if this run still holds it) and clears its progress. */
  end(): Promise<void>;
}

export interface SnapshotRuns {
  /** Takes the tenant's lock; undefined while another snapshot of the tenant is being taken. */
  start(tenantId: string, startedBy: string): Promise<SnapshotRun | undefined>;
  /** The snapshot being taken of the tenant, if any. */
  current(tenantId: string): Promise<SnapshotProgress | undefined>;
}

/** Where the progress record lives: a Redis key, or a Map of this process. */
export interface ProgressStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SnapshotRunsOptions {
  lock: DistributedLock;
  progress: ProgressStore;
  prefix?: string;
  now?: () => number;
  maxRunMs?: number;
}

export function createSnapshotRuns(options: SnapshotRunsOptions): SnapshotRuns {
  const { lock, progress, prefix = 'portal:snapshots', now = Date.now, maxRunMs = SNAPSHOT_MAX_RUN_MS } = options;
  const keys = (tenantId: string) => {
    assertTenantId(tenantId);
    return { lock: `${prefix}:${tenantId}:lock`, progress: `${prefix}:${tenantId}:progress` };
  };

  async function current(tenantId: string): Promise<SnapshotProgress | undefined> {
    const text = await progress.get(keys(tenantId).progress);
    if (text === undefined) return undefined;
    try {
      const parsed = snapshotProgressSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async function start(tenantId: string, startedBy: string): Promise<SnapshotRun | undefined> {
    const key = keys(tenantId);
    const owner = await lock.tryAcquire(key.lock, SNAPSHOT_STALE_MS);
    if (owner === undefined) return undefined;
    let record: SnapshotProgress = {
      snapshotId: null,
      startedBy,
      startedAt: new Date(now()).toISOString(),
      total: 0,
      expected: null,
    };
    const write = () => progress.set(key.progress, JSON.stringify(record), SNAPSHOT_STALE_MS);
    const release = async () => {
      await progress.delete(key.progress);
      await lock.release(key.lock, owner);
    };
    try {
      await write(); // before the snapshot's record exists: listing must see the run first
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException('snapshot ran too long', 'TimeoutError')), maxRunMs);
    timer.unref?.();
    return {
      signal: deadline.signal,
      async report(update) {
        record = { ...record, ...update };
        await write();
      },
      async end() {
        clearTimeout(timer);
        await release();
      },
    };
  }

  return { start, current };
}

export function createMemoryProgressStore(now: () => number = Date.now): ProgressStore {
  const values = new Map<string, { value: string; until: number }>();
  return {
    get(key) {
      const entry = values.get(key);
      return Promise.resolve(entry && entry.until > now() ? entry.value : undefined);
    },
    set(key, value, ttlMs) {
      values.set(key, { value, until: now() + ttlMs });
      return Promise.resolve();
    },
    delete(key) {
      values.delete(key);
      return Promise.resolve();
    },
  };
}

export function createRedisProgressStore(redis: Redis): ProgressStore {
  return {
    get: async (key) => (await redis.get(key)) ?? undefined,
    set: async (key, value, ttlMs) => void (await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)))),
    delete: async (key) => void (await redis.del(key)),
  };
}

/** The runs over Redis (shared by every instance) or in this process (one instance). */
export function createSnapshotRunsFor(redis: Redis | undefined, prefix?: string): SnapshotRuns {
  return redis
    ? createSnapshotRuns({ lock: createRedisLock(redis), progress: createRedisProgressStore(redis), prefix })
    : createSnapshotRuns({ lock: createMemoryLock(), progress: createMemoryProgressStore(), prefix });
}
