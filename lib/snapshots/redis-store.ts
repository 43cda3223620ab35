/**
 * Snapshots in the audit log's Redis (shared by every instance), never expired:
 *   portal:snapshots:<tenantId>                sorted set of ids, scored by creation time
 *   portal:snapshots:<tenantId>:<id>:meta      the meta (JSON)
 *   portal:snapshots:<tenantId>:<id>:rows      list, one JSON user per element, RPUSHed a page at a time
 * Each page's rows and progress go in one MULTI, so the meta never counts rows that are not there.
 * Durability is the audit log's: Redis with AOF (see lib/audit/redis-audit-log.ts).
 * One Redis node (or a replicated primary): Redis Cluster is not supported, so the MULTIs over
 * a snapshot's several keys need no hash tags.
 * No `server-only`: the tests drive this under plain Vitest.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertTenantId, createMetaTracker, SnapshotCorruptError, type SnapshotStore } from './store';
import { snapshotIdSchema, snapshotMetaSchema, snapshotRowSchema, type SnapshotMeta } from './types';

export interface RedisSnapshotStoreOptions {
  /** A client owned by the caller; close() leaves it open. */
  redis: Redis;
  prefix?: string;
  now?: () => number;
  chunkSize?: number;
}

function parseJson<T>(schema: { safeParse(value: unknown): { success: boolean; data?: T } }, text: string | null) {
  if (text === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** EXEC answers per-command errors inside its result instead of rejecting: surface them. */
async function execOrThrow(pipeline: ReturnType<Redis['multi']>): Promise<void> {
  const results = await pipeline.exec();
  if (!results) throw new Error('Redis discarded the snapshot transaction');
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

export function createRedisSnapshotStore(options: RedisSnapshotStoreOptions): SnapshotStore {
  const { redis, prefix = 'portal:snapshots', now = Date.now, chunkSize = 1000 } = options;
  const indexKey = (tenantId: string) => {
    assertTenantId(tenantId);
    return `${prefix}:${tenantId}`;
  };
  const metaKey = (tenantId: string, id: string) => `${indexKey(tenantId)}:${id}:meta`;
  const rowsKey = (tenantId: string, id: string) => `${indexKey(tenantId)}:${id}:rows`;
  const toMeta = (tenantId: string, id: string, text: string | null): SnapshotMeta | undefined => {
    const meta = parseJson<SnapshotMeta>(snapshotMetaSchema, text);
    return meta && meta.tenantId === tenantId && meta.id === id ? meta : undefined;
  };

  async function get(tenantId: string, id: string): Promise<SnapshotMeta | undefined> {
    if (!snapshotIdSchema.safeParse(id).success) return undefined;
    return toMeta(tenantId, id, await redis.get(metaKey(tenantId, id)));
  }

  return {
    async begin({ tenantId, createdBy, filter, requestId }) {
      const id = randomUUID();
      const at = now();
      const tracker = createMetaTracker(
        {
          id,
          tenantId,
          createdAt: new Date(at).toISOString(),
          createdBy,
          filter,
          status: 'taking',
          total: 0,
          expected: null,
          updatedAt: new Date(at).toISOString(),
          ...(requestId ? { requestId } : {}),
        },
        now,
      );
      const meta = metaKey(tenantId, id);
      const rows = rowsKey(tenantId, id);
      await execOrThrow(redis.multi().set(meta, JSON.stringify(tracker.current)).zadd(indexKey(tenantId), at, id));
      const save = async (changes: Partial<SnapshotMeta>, pipeline = redis.multi()) => {
        const next = tracker.update(changes);
        await execOrThrow(pipeline.set(meta, JSON.stringify(next)));
        return next;
      };
      return {
        id,
        async append(batch, expected) {
          const pipeline = redis.multi();
          if (batch.length > 0) pipeline.rpush(rows, ...batch.map((row) => JSON.stringify(row)));
          await save({ total: tracker.current.total + batch.length, expected }, pipeline);
        },
        complete: (expected, details = {}) => save({ status: 'complete', expected, ...details }),
        fail: (message) => save({ status: 'failed', error: message }, redis.multi().del(rows)),
      };
    },

    async list(tenantId) {
      const ids = await redis.zrevrange(indexKey(tenantId), 0, -1);
      const metas: SnapshotMeta[] = [];
      for (let start = 0; start < ids.length; start += chunkSize) {
        const chunk = ids.slice(start, start + chunkSize);
        const texts = await redis.mget(...chunk.map((id) => metaKey(tenantId, id)));
        chunk.forEach((id, index) => {
          const meta = toMeta(tenantId, id, texts[index] ?? null);
          if (meta) metas.push(meta);
        });
      }
      return metas;
    },

    get,

    async *rows(tenantId, id) {
      if (!snapshotIdSchema.safeParse(id).success) throw new SnapshotCorruptError('Not a snapshot id');
      const key = rowsKey(tenantId, id);
      for (let start = 0; ; start += chunkSize) {
        const texts = await redis.lrange(key, start, start + chunkSize - 1);
        for (const text of texts) {
          const row = parseJson(snapshotRowSchema, text);
          if (!row) throw new SnapshotCorruptError(`Snapshot ${id} has a damaged row`);
          yield row;
        }
        if (texts.length < chunkSize) return;
      }
    },

    async abandon(tenantId, id, message) {
      const meta = await get(tenantId, id);
      if (meta?.status !== 'taking') return meta;
      const failed: SnapshotMeta = {
        ...meta,
        status: 'failed',
        error: message,
        updatedAt: new Date(now()).toISOString(),
      };
      const key = metaKey(tenantId, id);
      await execOrThrow(redis.multi().set(key, JSON.stringify(failed)).del(rowsKey(tenantId, id)));
      return failed;
    },

    async remove(tenantId, id) {
      if (!snapshotIdSchema.safeParse(id).success) return;
      const pipeline = redis.multi().zrem(indexKey(tenantId), id);
      await execOrThrow(pipeline.del(metaKey(tenantId, id), rowsKey(tenantId, id)));
    },

    close: () => Promise.resolve(),
  };
}
