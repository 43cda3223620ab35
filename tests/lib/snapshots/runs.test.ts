// One snapshot per tenant at a time: the lock and the progress record, in memory and on Redis.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createMemoryLock } from '@/lib/upstream/memory-lock';
import {
  createMemoryProgressStore,
  createSnapshotRuns,
  createSnapshotRunsFor,
  type SnapshotRuns,
} from '@/lib/snapshots/runs';
import { SNAPSHOT_STALE_MS } from '@/lib/snapshots/types';

const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

const RUNS: Array<[string, () => SnapshotRuns]> = [
  ['memory', () => createSnapshotRunsFor(undefined)],
  ['redis', () => createSnapshotRunsFor(redis, `test:snapshots:${randomUUID()}`)],
];

describe.each(RUNS)('%s snapshot runs', (_kind, create) => {
  it('refuses a second run of the same tenant until the first ends; other tenants are free', async () => {
    const runs = create();
    const first = await runs.start('acme-prod', 'auditor@demo.test');
    expect(first).toBeDefined();
    expect(await runs.start('acme-prod', 'admin@demo.test')).toBeUndefined();
    const other = await runs.start('globex-eu', 'admin@demo.test');
    expect(other).toBeDefined();
    expect(await runs.current('acme-prod')).toMatchObject({ startedBy: 'auditor@demo.test', snapshotId: null });
    await first?.report({ snapshotId: 'snap-1', total: 100, expected: 240 });
    expect(await runs.current('acme-prod')).toMatchObject({ snapshotId: 'snap-1', total: 100, expected: 240 });
    await first?.end();
    expect(await runs.current('acme-prod')).toBeUndefined();
    const again = await runs.start('acme-prod', 'admin@demo.test');
    expect(again).toBeDefined();
    await again?.end();
    await other?.end();
  });

  it('two starts at once: exactly one wins', async () => {
    const runs = create();
    const started = await Promise.all(Array.from({ length: 8 }, () => runs.start('stark-uk', 'a@demo.test')));
    expect(started.filter((run) => run !== undefined)).toHaveLength(1);
    for (const run of started) await run?.end();
  });
});

describe('snapshot run limits', () => {
  it('a run is stopped at its deadline (the signal aborts), before its lock could expire', async () => {
    const runs = createSnapshotRuns({ lock: createMemoryLock(), progress: createMemoryProgressStore(), maxRunMs: 5 });
    const run = await runs.start('acme-prod', 'a@demo.test');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(run?.signal.aborted).toBe(true);
    expect((run?.signal.reason as Error).name).toBe('TimeoutError');
    await run?.end();
  });

  it('a run whose instance died frees the tenant once lock and progress expire', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    const clock = () => now;
    const runs = createSnapshotRuns({
      lock: createMemoryLock(clock),
      progress: createMemoryProgressStore(clock),
      now: clock,
    });
    expect(await runs.start('acme-prod', 'a@demo.test')).toBeDefined(); // never ended
    now += SNAPSHOT_STALE_MS - 1;
    expect(await runs.start('acme-prod', 'b@demo.test')).toBeUndefined();
    now += 2;
    expect(await runs.current('acme-prod')).toBeUndefined();
    expect(await runs.start('acme-prod', 'b@demo.test')).toBeDefined();
  });
});
