import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAuditLog } from '../../../lib/audit/file-audit-log';
import { AuditUnavailableError } from '../../../lib/audit/types';
import { describeAuditLogContract } from './support/audit-log-contract';
import { sampleEntry } from './support/sample-entry';

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'audit-file-')), 'nested', 'audit.jsonl');

describeAuditLogContract('file', (options) => {
  const path = tempPath();
  return { log: createFileAuditLog({ path, ...options }), raw: () => readFile(path, 'utf8').catch(() => '') };
});

describe('file audit log', () => {
  it('creates the directory and a 0600 file of one JSON object per line', async () => {
    const path = tempPath();
    const log = createFileAuditLog({ path });
    const entry = await log.append(sampleEntry());
    await log.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(entry)}\n`);
  });

  it('resumes ids after a restart, even when the clock went back', async () => {
    const path = tempPath();
    const first = createFileAuditLog({ path, now: () => 5_000 });
    const a = await first.append(sampleEntry());
    const b = await first.append(sampleEntry());
    await first.close();
    expect([a.id, b.id]).toEqual(['5000-0', '5000-1']);
    const second = createFileAuditLog({ path, now: () => 1_000 });
    expect((await second.append(sampleEntry())).id).toBe('5000-2');
    expect((await second.query({})).entries.map((e) => e.id)).toEqual(['5000-2', '5000-1', '5000-0']);
    await second.close();
  });

  it('a torn last line is skipped on read and ended on reopen; appends continue after it', async () => {
    const path = tempPath();
    const first = createFileAuditLog({ path, now: () => 7_000 });
    const kept = await first.append(sampleEntry());
    await first.close();
    await appendFile(path, '{"id":"7000-1","time":"1970-01-01T00:00:07.000Z","userId":"u');
    const reader = createFileAuditLog({ path, now: () => 7_000 });
    expect((await reader.query({})).entries).toEqual([kept]);
    const next = await reader.append(sampleEntry());
    expect(next.id).toBe('7000-2'); // the torn line's id is never handed out again
    expect((await reader.query({})).entries).toEqual([next, kept]);
    await reader.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('skips garbage and foreign lines anywhere in the file', async () => {
    const path = tempPath();
    const log = createFileAuditLog({ path });
    const a = await log.append(sampleEntry());
    await log.close();
    await appendFile(path, 'not json\n{"id":"1-0"}\n\n{"hello":1}\n');
    const reopened = createFileAuditLog({ path });
    const b = await reopened.append(sampleEntry());
    expect((await reopened.query({})).entries).toEqual([b, a]);
    await reopened.close();
  });

  it('an unwritable location fails closed with AuditUnavailableError', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'audit-file-')), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const log = createFileAuditLog({ path: join(blocker, 'audit', 'audit.jsonl') });
    await expect(log.append(sampleEntry())).rejects.toBeInstanceOf(AuditUnavailableError);
    await expect(log.append(sampleEntry())).rejects.toThrow(/not writable/);
    await log.close();
  });

  it.runIf(process.platform === 'linux')('a failing write (ENOSPC on /dev/full) fails closed', async () => {
    const log = createFileAuditLog({ path: '/dev/full' });
    const results = await Promise.allSettled([log.append(sampleEntry()), log.append(sampleEntry())]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuditUnavailableError);
    }
    await log.close();
  });

  it('reads a multi-chunk file with multi-byte text correctly, newest first, by cursor and time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-file-')), 'audit.jsonl');
    // 3000 lines (~1.2 MB, many 64 KiB chunks) written directly in the store's own format.
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      id: `${1_000_000 + Math.floor(i / 4)}-${i % 4}`,
      time: new Date(1_000_000 + Math.floor(i / 4)).toISOString(),
      ...sampleEntry({ userEmail: `zoë-${i}@exämple.com`, before: { note: '日本語'.repeat(i % 50) } }),
    }));
    writeFileSync(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const log = createFileAuditLog({ path });
    const newest = [...entries].reverse();
    expect((await log.query({ limit: 5 })).entries).toEqual(newest.slice(0, 5));
    expect((await log.query({ limit: 5, before: entries[1234]!.id })).entries).toEqual(
      newest.slice(3000 - 1234, 3000 - 1234 + 5),
    );
    const from = entries[100]!.time;
    const to = entries[120]!.time;
    const ranged = await log.query({ from, to, limit: 500 });
    expect(ranged.entries).toEqual(newest.filter((e) => e.time >= from && e.time < to));
    expect(ranged.nextCursor).toBeNull();
    await log.close();
  });
});
