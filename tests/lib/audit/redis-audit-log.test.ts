import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_STREAM_KEY, createRedisAuditLog } from '../../../lib/audit/redis-audit-log';
import { AuditUnavailableError } from '../../../lib/audit/types';
import { createRedisClient } from '../../../lib/upstream/redis-client';
import { describeAuditLogContract } from './support/audit-log-contract';
import { sampleEntry } from './support/sample-entry';

const redisUrl = inject('redisUrl');
const redis = createRedisClient(redisUrl);
const streamKey = () => `test:audit:${randomUUID()}`;
const keys: string[] = [];
afterAll(async () => {
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function rawStream(key: string): Promise<string> {
  return JSON.stringify(await redis.xrange(key, '-', '+'));
}

// Batches of 4 make every multi-entry query walk several XREVRANGE calls.
describeAuditLogContract('redis', (options) => {
  const key = streamKey();
  keys.push(key);
  return {
    log: createRedisAuditLog({ redisUrl, streamKey: key, batchSize: 4, ...options }),
    raw: () => rawStream(key),
  };
});

/** A port nothing listens on: bound, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('redis audit log', () => {
  it('stores one XADD per entry under field `entry`; the stream id is the entry id and time', async () => {
    const key = streamKey();
    keys.push(key);
    const log = createRedisAuditLog({ redis, streamKey: key });
    const entry = await log.append(sampleEntry());
    const [[id, fields]] = (await redis.xrange(key, '-', '+')) as [[string, string[]]];
    expect(id).toBe(entry.id);
    expect(fields[0]).toBe('entry');
    const { id: _id, time, ...stored } = entry;
    expect(JSON.parse(fields[1]!)).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(Date.parse(time)).toBe(Number(id.split('-')[0]));
    await log.close();
    expect(await redis.ping()).toBe('PONG'); // a client passed in stays open
  });

  it('defaults to the global stream portal:audit', () => {
    expect(AUDIT_STREAM_KEY).toBe('portal:audit');
  });

  it('skips records in the stream that are not audit entries', async () => {
    const key = streamKey();
    keys.push(key);
    const log = createRedisAuditLog({ redis, streamKey: key });
    const a = await log.append(sampleEntry());
    await redis.xadd(key, '*', 'other', 'x');
    await redis.xadd(key, '*', 'entry', '{broken');
    const b = await log.append(sampleEntry());
    expect((await log.query({})).entries).toEqual([b, a]);
  });

  // The test timeout is the "no hang" check: createRedisClient gives up after one reconnect.
  it('Redis down: append and query fail fast with AuditUnavailableError', { timeout: 6_000 }, async () => {
    const log = createRedisAuditLog({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, streamKey: streamKey() });
    await expect(log.append(sampleEntry())).rejects.toBeInstanceOf(AuditUnavailableError);
    await expect(log.query({})).rejects.toBeInstanceOf(AuditUnavailableError);
    await log.close();
  });
});
