import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createFileSnapshotStore, snapshotDirectoryFor } from '@/lib/snapshots/file-store';
import { createRedisSnapshotStore } from '@/lib/snapshots/redis-store';
import type { SnapshotStore } from '@/lib/snapshots/store';
import type { SnapshotRow } from '@/lib/snapshots/types';

const row = (index: number): SnapshotRow => ({
  id: `user-${index}`,
  name: `User ${index}`,
  email: `user${index}@acme.example`,
  state: index % 7 === 0 ? 'inactive' : 'active',
  divisionId: 'd-home',
  divisionName: 'Home',
  roles: [{ id: 'r-employee', name: 'employee' }],
});

const collect = async (rows: AsyncIterable<SnapshotRow>) => {
  const out: SnapshotRow[] = [];
  for await (const item of rows) out.push(item);
  return out;
};

function clock(start = Date.parse('2025-03-01T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

const STORES: Array<[string, (now: () => number) => SnapshotStore]> = [
  ['file', (now) => createFileSnapshotStore({ directory: mkdtempSync(join(tmpdir(), 'snapshots-')), now })],
  ['redis', (now) => createRedisSnapshotStore({ redis, prefix: `test:snapshots:${randomUUID()}`, now, chunkSize: 7 })],
];

describe.each(STORES)('%s snapshot store', (_kind, create) => {
  it('records a snapshot as taking, with progress per page, then complete with its rows in order', async () => {
    const time = clock();
    const store = create(time.now);
    const writer = await store.begin({
      tenantId: 'acme-prod',
      createdBy: 'auditor@demo.test',
      filter: { state: 'active' },
    });
    expect(await store.list('acme-prod')).toEqual([
      expect.objectContaining({ id: writer.id, status: 'taking', total: 0, expected: null, tenantId: 'acme-prod' }),
    ]);
    const rows = Array.from({ length: 25 }, (_, index) => row(index));
    await writer.append(rows.slice(0, 10), 25);
    time.advance(1000);
    await writer.append(rows.slice(10), 25);
    expect(await store.get('acme-prod', writer.id)).toMatchObject({
      status: 'taking',
      total: 25,
      expected: 25,
      updatedAt: '2025-03-01T10:00:01.000Z',
    });
    const meta = await writer.complete(25);
    expect(meta).toMatchObject({
      id: writer.id,
      tenantId: 'acme-prod',
      createdAt: '2025-03-01T10:00:00.000Z',
      createdBy: 'auditor@demo.test',
      filter: { state: 'active' },
      status: 'complete',
      total: 25,
    });
    expect(await store.get('acme-prod', writer.id)).toEqual(meta);
    expect(await collect(store.rows('acme-prod', writer.id))).toEqual(rows);
  });

  it('lists a tenant’s snapshots newest first, with random ids', async () => {
    const time = clock();
    const store = create(time.now);
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const writer = await store.begin({ tenantId: 'globex-eu', createdBy: 'a@demo.test', filter: {} });
      await writer.complete(0);
      ids.push(writer.id);
      time.advance(60_000);
    }
    expect((await store.list('globex-eu')).map((meta) => meta.id)).toEqual(ids.toReversed());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps tenants apart: another tenant neither lists nor finds the snapshot', async () => {
    const store = create(Date.now);
    const writer = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    await writer.append([row(1)], 1);
    await writer.complete(1);
    expect(await store.get('acme-prod', writer.id)).toBeDefined();
    expect(await store.get('acme-sandbox', writer.id)).toBeUndefined();
    expect(await store.list('acme-sandbox')).toEqual([]);
    await expect(store.get('../acme-prod', writer.id)).rejects.toThrow(TypeError);
    await expect(store.begin({ tenantId: 'acme-prod:x', createdBy: 'a', filter: {} })).rejects.toThrow(TypeError);
    expect(await store.get('acme-prod', 'not-an-id')).toBeUndefined();
    expect(await store.get('acme-prod', randomUUID())).toBeUndefined();
  });

  it('marks a failed snapshot failed with its message and drops its rows', async () => {
    const store = create(Date.now);
    const writer = await store.begin({ tenantId: 'stark-uk', createdBy: 'a@demo.test', filter: {} });
    await writer.append([row(1), row(2)], 10);
    const meta = await writer.fail('Not completed: rate limited');
    expect(meta).toMatchObject({ status: 'failed', error: 'Not completed: rate limited', total: 2 });
    expect(await store.get('stark-uk', writer.id)).toEqual(meta);
  });

  it('abandons a snapshot left taking (failed, partial rows dropped) and removes one entirely', async () => {
    const store = create(Date.now);
    const dead = await store.begin({ tenantId: 'stark-uk', createdBy: 'a@demo.test', filter: {}, requestId: 'req-1' });
    await dead.append([row(1)], 10);
    const abandoned = await store.abandon('stark-uk', dead.id, 'Interrupted');
    expect(abandoned).toMatchObject({ status: 'failed', error: 'Interrupted', requestId: 'req-1' });
    expect(await store.get('stark-uk', dead.id)).toEqual(abandoned);
    // No rows left to read (the file store has no rows file at all, Redis an empty list).
    expect(await collect(store.rows('stark-uk', dead.id)).catch(() => [])).toEqual([]);
    const kept = await store.begin({ tenantId: 'stark-uk', createdBy: 'a@demo.test', filter: {} });
    await kept.append([row(2)], 1);
    const complete = await kept.complete(1);
    expect(await store.abandon('stark-uk', kept.id, 'Interrupted')).toEqual(complete); // not taking: untouched
    await store.remove('stark-uk', kept.id);
    expect(await store.get('stark-uk', kept.id)).toBeUndefined();
    expect((await store.list('stark-uk')).map((meta) => meta.id)).toEqual([dead.id]);
  });
});

describe('file snapshot store on disk', () => {
  it('lives in snapshots/<tenantId>/ next to the audit file, 0700 directories and 0600 files, no temp files left', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'audit-'));
    const directory = snapshotDirectoryFor(join(auditDir, 'audit.jsonl'));
    expect(directory).toBe(join(auditDir, 'snapshots'));
    const store = createFileSnapshotStore({ directory });
    const writer = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    await writer.append([row(1)], 1);
    await writer.complete(1);
    const tenantDir = join(directory, 'acme-prod');
    expect(readdirSync(tenantDir).sort()).toEqual([`${writer.id}.json`, `${writer.id}.jsonl`]);
    expect(statSync(tenantDir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(tenantDir)) expect(statSync(join(tenantDir, name)).mode & 0o777).toBe(0o600);
  });

  it('abandoning drops the .partial rows file; removing leaves no file of the snapshot', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'snapshots-'));
    const store = createFileSnapshotStore({ directory });
    const dead = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    await dead.append([row(1)], 1);
    expect(readdirSync(join(directory, 'acme-prod'))).toContain(`${dead.id}.jsonl.partial`);
    await store.abandon('acme-prod', dead.id, 'Interrupted');
    expect(readdirSync(join(directory, 'acme-prod'))).toEqual([`${dead.id}.json`]);
    await store.remove('acme-prod', dead.id);
    expect(readdirSync(join(directory, 'acme-prod'))).toEqual([]);
  });

  it('ignores a meta that names another tenant (a file copied across) and refuses a damaged row', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'snapshots-'));
    const store = createFileSnapshotStore({ directory });
    const writer = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    await writer.append([row(1)], 1);
    await writer.complete(1);
    const meta = readFileSync(join(directory, 'acme-prod', `${writer.id}.json`), 'utf8');
    const copy = createFileSnapshotStore({ directory });
    await (await copy.begin({ tenantId: 'globex-eu', createdBy: 'a', filter: {} })).complete(0);
    writeFileSync(join(directory, 'globex-eu', `${writer.id}.json`), meta);
    expect(await store.get('globex-eu', writer.id)).toBeUndefined();
    expect((await store.list('globex-eu')).map((listed) => listed.id)).not.toContain(writer.id);

    writeFileSync(join(directory, 'acme-prod', `${writer.id}.jsonl`), '{"id":"user-1"}\n');
    await expect(collect(store.rows('acme-prod', writer.id))).rejects.toThrow(/damaged/);
  });
});
