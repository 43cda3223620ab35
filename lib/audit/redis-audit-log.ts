/**
 * The audit log as one Redis Stream (default key `portal:audit`) shared by every instance:
 * `XADD portal:audit * entry <json>`; the stream id is the entry id and its millisecond part the
 * entry time, so all instances order entries by one clock (Redis's) and a time range is an id
 * range. Filters apply on read, walking XREVRANGE in batches. The stream is never trimmed.
 *
 * Durability: append resolves once Redis acknowledged the XADD. For "an acknowledged entry is
 * never lost" to hold across a Redis restart, Redis must run with AOF (`appendonly yes`,
 * `appendfsync always`, or `everysec` accepting up to one second of loss on a host crash).
 * Fail closed: an unreachable Redis rejects within about two seconds (createRedisClient's
 * fail-fast options) with AuditUnavailableError, and the caller refuses the change. A timeout
 * after Redis applied the XADD can leave an entry for a refused change: an audit log may say too
 * much, never too little. Needs Redis 6.2+ (exclusive `(` range ids).
 * No `server-only`: the crash test drives this from a child process under plain tsx.
 */
import type { Redis } from 'ioredis';
import { createRedisClient } from '../upstream/redis-client';
import { collectPage, normalizeAuditQuery, type IdRange } from './audit-query';
import { compareEntryIds, entryTime, formatEntryId, parseEntryId } from './entry-id';
import { auditEntryInputSchema, parseStoredJson } from './entry-schema';
import { toStoredInput } from './mask-audit-input';
import { AuditUnavailableError, type AuditEntry, type AuditLog } from './types';

export const AUDIT_STREAM_KEY = 'portal:audit';

export interface RedisAuditLogOptions {
  redisUrl?: string;
  /** A client owned by the caller; close() leaves it open. */
  redis?: Redis;
  streamKey?: string;
  batchSize?: number;
  maxScan?: number;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function toEntry(streamId: string, fields: string[]): AuditEntry | undefined {
  const id = parseEntryId(streamId);
  const at = fields.indexOf('entry');
  const json = at === -1 ? undefined : fields[at + 1];
  const input = id && json !== undefined ? parseStoredJson(auditEntryInputSchema, json) : undefined;
  return id && input ? { id: streamId, time: entryTime(id), ...input } : undefined;
}

/** XREVRANGE bounds for the range; undefined when the range is empty. */
function streamBounds(range: IdRange): { end: string; start: string } | undefined {
  const to = range.toMs === undefined ? undefined : { ms: Math.max(0, range.toMs), seq: 0 };
  const below = to && range.before ? (compareEntryIds(to, range.before) < 0 ? to : range.before) : (to ?? range.before);
  if (below && below.ms === 0 && below.seq === 0) return undefined;
  const start = range.fromMs === undefined ? '-' : `${Math.max(0, range.fromMs)}-0`;
  return { end: below ? `(${formatEntryId(below)}` : '+', start };
}

async function* walkStream(redis: Redis, key: string, range: IdRange, batchSize: number): AsyncGenerator<AuditEntry> {
  const bounds = streamBounds(range);
  if (!bounds) return;
  let end = bounds.end;
  for (;;) {
    const batch = await redis.xrevrange(key, end, bounds.start, 'COUNT', batchSize);
    for (const [id, fields] of batch) {
      const entry = toEntry(id, fields);
      if (entry) yield entry; // a record another writer put in the stream is skipped
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) return;
    end = `(${last[0]}`;
  }
}

export function createRedisAuditLog(options: RedisAuditLogOptions): AuditLog {
  const owned = !options.redis;
  const redis = options.redis ?? (options.redisUrl ? createRedisClient(options.redisUrl) : undefined);
  if (!redis) throw new TypeError('createRedisAuditLog needs redisUrl or redis');
  // Connection errors surface as rejected commands; without a listener ioredis also prints them.
  if (owned) redis.on('error', () => undefined);
  const key = options.streamKey ?? AUDIT_STREAM_KEY;
  const batchSize = options.batchSize ?? 256;
  let closed = false;

  return {
    async append(input) {
      if (closed) throw new AuditUnavailableError('The audit log is closed');
      const stored = toStoredInput(input);
      let id: string | null;
      try {
        id = await redis.xadd(key, '*', 'entry', JSON.stringify(stored));
      } catch (error) {
        throw new AuditUnavailableError(`Redis did not acknowledge the audit entry: ${reason(error)}`, {
          cause: error,
        });
      }
      const parsed = id === null ? undefined : parseEntryId(id);
      if (!id || !parsed) throw new AuditUnavailableError('Redis returned no stream id for the audit entry');
      return { id, time: entryTime(parsed), ...stored };
    },

    async query(query) {
      const normalized = normalizeAuditQuery(query);
      try {
        return await collectPage(walkStream(redis, key, normalized.range, batchSize), normalized, options.maxScan);
      } catch (error) {
        throw new AuditUnavailableError(`Redis could not be read for the audit log: ${reason(error)}`);
      }
    },

    async close() {
      closed = true;
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
