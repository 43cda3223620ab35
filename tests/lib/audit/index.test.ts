import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { createAuditLog, recordAudit } from '../../../lib/audit/index';
import { parseEnv } from '../../../lib/env';
import { createRedisClient } from '../../../lib/upstream/redis-client';
import { sampleEntry } from './support/sample-entry';

it('AUDIT_FILE defaults to ./data/audit.jsonl; an empty value means the default', () => {
  expect(parseEnv({}).AUDIT_FILE).toBe('./data/audit.jsonl');
  expect(parseEnv({ AUDIT_FILE: ' ' }).AUDIT_FILE).toBe('./data/audit.jsonl');
  expect(parseEnv({ AUDIT_FILE: '/var/lib/portal/audit.jsonl' }).AUDIT_FILE).toBe('/var/lib/portal/audit.jsonl');
});

it('without a Redis URL the log is the file; recordAudit masks before appending', async () => {
  const filePath = join(mkdtempSync(join(tmpdir(), 'audit-index-')), 'audit.jsonl');
  const log = createAuditLog({ filePath });
  const entry = await recordAudit(log, sampleEntry({ after: { clientSecret: 'never-stored' } }));
  await log.close();
  expect(entry.after).toEqual({ clientSecret: '[masked]' });
  expect(readFileSync(filePath, 'utf8')).toContain(entry.id);
  expect(readFileSync(filePath, 'utf8')).not.toContain('never-stored');
});

it('with a Redis URL (or client) the log is the portal:audit stream, and the file is untouched', async () => {
  const filePath = join(mkdtempSync(join(tmpdir(), 'audit-index-')), 'audit.jsonl');
  const redis = createRedisClient(inject('redisUrl'));
  const log = createAuditLog({ redis, filePath });
  try {
    const entry = await recordAudit(log, sampleEntry({ requestId: `index-test-${Date.now()}` }));
    const records = await redis.xrange('portal:audit', entry.id, entry.id);
    expect(records.map(([id]) => id)).toEqual([entry.id]);
    await redis.xdel('portal:audit', entry.id);
    if ((await redis.xlen('portal:audit')) === 0) await redis.del('portal:audit');
    expect(() => readFileSync(filePath)).toThrow(/ENOENT/);
  } finally {
    await log.close();
    await redis.quit();
  }
});
