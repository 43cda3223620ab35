// Listing sweeps dead `taking` snapshots; retention keeps the newest 50 of a tenant.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSnapshotStore } from '@/lib/snapshots/file-store';
import { createSnapshotRunsFor } from '@/lib/snapshots/runs';
import { listSnapshots, pruneSnapshots } from '@/lib/snapshots/snapshots';
import { INTERRUPTED_MESSAGE, SNAPSHOT_RETENTION, SNAPSHOT_STALE_MS } from '@/lib/snapshots/types';

const row = {
  id: 'u1',
  name: 'Ann',
  email: 'ann@acme.example',
  state: 'active',
  divisionId: '',
  divisionName: '',
  roles: [],
};

function setup() {
  let now = Date.parse('2025-03-01T10:00:00Z');
  const directory = mkdtempSync(join(tmpdir(), 'snapshots-'));
  const store = createFileSnapshotStore({ directory, now: () => now });
  const runs = createSnapshotRunsFor(undefined);
  return { store, runs, directory, now: () => now, advance: (ms: number) => (now += ms) };
}

describe('listing sweeps taking snapshots no run is taking', () => {
  it('one whose run is gone (instance stopped) is marked failed and its partial rows deleted', async () => {
    const { store, runs, directory, now } = setup();
    const dead = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    await dead.append([row], 10);
    const listed = await listSnapshots(store, runs, 'acme-prod', now());
    expect(listed.snapshots).toEqual([
      expect.objectContaining({ id: dead.id, status: 'failed', error: INTERRUPTED_MESSAGE }),
    ]);
    expect(await store.get('acme-prod', dead.id)).toMatchObject({ status: 'failed' });
    expect(readdirSync(join(directory, 'acme-prod'))).toEqual([`${dead.id}.json`]);
  });

  it('the snapshot the tenant’s run reports stays taking, until it is older than the stale limit', async () => {
    const { store, runs, now, advance } = setup();
    const run = await runs.start('acme-prod', 'a@demo.test');
    const live = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    // Not reported yet (the run records its id right after begin): still live.
    expect((await listSnapshots(store, runs, 'acme-prod', now())).snapshots[0]?.status).toBe('taking');
    await run?.report({ snapshotId: live.id, total: 0, expected: 10 });
    expect((await listSnapshots(store, runs, 'acme-prod', now())).snapshots[0]?.status).toBe('taking');
    advance(SNAPSHOT_STALE_MS + 1);
    expect((await listSnapshots(store, runs, 'acme-prod', now())).snapshots[0]).toMatchObject({ status: 'failed' });
    await run?.end();
  });
});

describe('retention', () => {
  it(`keeps the newest ${SNAPSHOT_RETENTION} of a tenant, deleting older ones but never one being taken`, async () => {
    const { store, advance } = setup();
    const taking = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
    const ids: string[] = [];
    for (let index = 0; index < SNAPSHOT_RETENTION + 2; index++) {
      advance(1000);
      const writer = await store.begin({ tenantId: 'acme-prod', createdBy: 'a@demo.test', filter: {} });
      await writer.complete(0);
      ids.push(writer.id);
    }
    const other = await store.begin({ tenantId: 'globex-eu', createdBy: 'a@demo.test', filter: {} });
    await other.complete(0);
    expect(await pruneSnapshots(store, 'acme-prod')).toBe(2);
    const kept = (await store.list('acme-prod')).map((meta) => meta.id);
    expect(kept).toEqual([...ids.slice(2).toReversed(), taking.id]);
    expect(await store.get('globex-eu', other.id)).toBeDefined();
    expect(await pruneSnapshots(store, 'acme-prod')).toBe(0);
  });
});
