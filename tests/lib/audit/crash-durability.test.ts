// SIGKILL a process in the middle of a burst of appends: every id it printed as acknowledged
// must be in the log afterwards, and the log must reopen and take appends again.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { createFileAuditLog } from '../../../lib/audit/file-audit-log';
import { createRedisAuditLog } from '../../../lib/audit/redis-audit-log';
import type { AuditEntry, AuditLog } from '../../../lib/audit/types';
import { createRedisClient } from '../../../lib/upstream/redis-client';
import { sampleEntry } from './support/sample-entry';

const CHILD = fileURLToPath(new URL('./support/append-burst-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the child until it acknowledged `killAfter` entries, SIGKILLs it, returns every id it printed. */
async function burstThenKill(env: Record<string, string>, killAfter: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acknowledged: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    acknowledged.push(line);
    if (acknowledged.length === killAfter) child.kill('SIGKILL');
  }
  // The loop ends when the pipe closes; lines already in the pipe after the kill count too.
  const exit = await new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.once('exit', (_, signal) => resolve(signal));
  });
  expect(exit).toBe('SIGKILL');
  return acknowledged;
}

async function readAll(log: AuditLog): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let before: string | undefined; ;) {
    const page = await log.query({ limit: 500, before });
    entries.push(...page.entries);
    if (!page.nextCursor) return entries;
    before = page.nextCursor;
  }
}

function expectAllPresent(acknowledged: string[], stored: AuditEntry[]) {
  const ids = new Set(stored.map((entry) => entry.id));
  expect(ids.size).toBe(stored.length);
  expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
}

it(
  'file: every acknowledged id survives SIGKILL mid-burst, twice over; the log reopens and appends',
  { timeout: 25_000 },
  async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-crash-')), 'audit.jsonl');
    const first = await burstThenKill({ AUDIT_KIND: 'file', AUDIT_PATH: path }, 400);
    const second = await burstThenKill({ AUDIT_KIND: 'file', AUDIT_PATH: path }, 400);
    const log = createFileAuditLog({ path });
    try {
      const stored = await readAll(log);
      expectAllPresent([...first, ...second], stored);
      const next = await log.append(sampleEntry());
      const [newest] = await readAll(log);
      expect(newest).toEqual(next);
      expect(Date.parse(next.time)).toBeGreaterThanOrEqual(Date.parse(stored[0]!.time));
    } finally {
      await log.close();
    }
  },
);

it('redis: every acknowledged id survives SIGKILL of the writer mid-burst', { timeout: 15_000 }, async () => {
  const redisUrl = inject('redisUrl');
  const streamKey = `test:audit:crash:${randomUUID()}`;
  const acknowledged = await burstThenKill(
    { AUDIT_KIND: 'redis', AUDIT_REDIS_URL: redisUrl, AUDIT_STREAM_KEY: streamKey },
    400,
  );
  const log = createRedisAuditLog({ redisUrl, streamKey });
  const redis = createRedisClient(redisUrl);
  try {
    expectAllPresent(acknowledged, await readAll(log));
  } finally {
    await redis.del(streamKey);
    await redis.quit();
    await log.close();
  }
});
