/**
 * What the routes and pages ask of snapshots besides taking one: the list and a comparison. An
 * id this tenant does not have is a 404, whether another tenant has it or not.
 */
import { ApiError } from '../http/api-error';
import { createComparison, DEFAULT_COMPARE_LIMIT, type SnapshotComparison } from './compare';
import type { SnapshotStore } from './store';
import { withSnapshotStore } from './store-errors';
import { toListedSnapshot, type SnapshotList, type SnapshotMeta } from './types';

export function listSnapshots(store: SnapshotStore, tenantId: string, now = Date.now()): Promise<SnapshotList> {
  return withSnapshotStore(async () => ({
    snapshots: (await store.list(tenantId)).map((meta) => toListedSnapshot(meta, now)),
  }));
}

export interface StoredComparison extends SnapshotComparison {
  from: SnapshotMeta;
  to: SnapshotMeta;
  /** Taken with different filters: a joiner may only have come into the filter. */
  sameFilter: boolean;
}

const sameFilter = (a: SnapshotMeta, b: SnapshotMeta) =>
  a.filter.q === b.filter.q && a.filter.state === b.filter.state && a.filter.division === b.filter.division;

async function completeSnapshot(store: SnapshotStore, tenantId: string, id: string): Promise<SnapshotMeta> {
  const meta = await store.get(tenantId, id);
  if (!meta) throw new ApiError(404, 'snapshot_not_found', 'This tenant has no such snapshot.');
  if (meta.status !== 'complete')
    throw new ApiError(409, 'snapshot_incomplete', 'Only complete snapshots can be compared.', {}, { snapshotId: id });
  return meta;
}

/** The older snapshot is loaded into memory (one snapshot's rows), the newer one streamed past it. */
export function compareStoredSnapshots(
  store: SnapshotStore,
  tenantId: string,
  ids: { from: string; to: string },
  limit = DEFAULT_COMPARE_LIMIT,
): Promise<StoredComparison> {
  return withSnapshotStore(async () => {
    const from = await completeSnapshot(store, tenantId, ids.from);
    const to = await completeSnapshot(store, tenantId, ids.to);
    const fromRows = [];
    for await (const row of store.rows(tenantId, from.id)) fromRows.push(row);
    const comparison = createComparison(fromRows);
    fromRows.length = 0;
    for await (const row of store.rows(tenantId, to.id)) comparison.add(row);
    return { from, to, sameFilter: sameFilter(from, to), ...comparison.finish(limit) };
  });
}
