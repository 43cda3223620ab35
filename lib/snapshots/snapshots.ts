/**
 * What the routes and pages ask of snapshots besides taking one: the list (sweeping dead
 * `taking` ones on the way), retention, and a comparison. An id this tenant does not have is a
 * 404, whether another tenant has it or not.
 */
import { ApiError } from '../http/api-error';
import { createComparison, DEFAULT_COMPARE_LIMIT, indexRows, type SnapshotComparison } from './compare';
import type { SnapshotRuns } from './runs';
import type { SnapshotStore } from './store';
import { withSnapshotStore } from './store-errors';
import {
  INTERRUPTED_MESSAGE,
  SNAPSHOT_RETENTION,
  SNAPSHOT_STALE_MS,
  type SnapshotList,
  type SnapshotMeta,
} from './types';

/**
 * Marks failed (and drops the partial rows of) every `taking` snapshot no run is taking: older
 * than SNAPSHOT_STALE_MS, or not the one the tenant's run reports (its instance stopped).
 */
export async function sweepStaleSnapshots(
  store: SnapshotStore,
  runs: SnapshotRuns,
  tenantId: string,
  metas: readonly SnapshotMeta[],
  now = Date.now(),
): Promise<SnapshotMeta[]> {
  if (!metas.some((meta) => meta.status === 'taking')) return [...metas];
  const running = await runs.current(tenantId);
  // A run that has not recorded its snapshot yet may be about to: only old ones are dead then.
  const live = (meta: SnapshotMeta) =>
    now - Date.parse(meta.createdAt) < SNAPSHOT_STALE_MS &&
    running !== undefined &&
    (running.snapshotId === null || running.snapshotId === meta.id);
  return Promise.all(
    metas.map(async (meta) =>
      meta.status !== 'taking' || live(meta)
        ? meta
        : ((await store.abandon(tenantId, meta.id, INTERRUPTED_MESSAGE)) ?? meta),
    ),
  );
}

export function listSnapshots(
  store: SnapshotStore,
  runs: SnapshotRuns,
  tenantId: string,
  now = Date.now(),
): Promise<SnapshotList> {
  return withSnapshotStore(async () => ({
    snapshots: await sweepStaleSnapshots(store, runs, tenantId, await store.list(tenantId), now),
  }));
}

/** Keeps the newest SNAPSHOT_RETENTION snapshots of the tenant; older ones (not being taken) are deleted. */
export async function pruneSnapshots(store: SnapshotStore, tenantId: string): Promise<number> {
  const surplus = (await store.list(tenantId)).slice(SNAPSHOT_RETENTION).filter((meta) => meta.status !== 'taking');
  for (const meta of surplus) await store.remove(tenantId, meta.id);
  return surplus.length;
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

/** The older snapshot is indexed by id straight from its rows, the newer one streamed past it. */
export function compareStoredSnapshots(
  store: SnapshotStore,
  tenantId: string,
  ids: { from: string; to: string },
  limit = DEFAULT_COMPARE_LIMIT,
): Promise<StoredComparison> {
  return withSnapshotStore(async () => {
    const from = await completeSnapshot(store, tenantId, ids.from);
    const to = await completeSnapshot(store, tenantId, ids.to);
    const comparison = createComparison(await indexRows(store.rows(tenantId, from.id)), limit);
    for await (const row of store.rows(tenantId, to.id)) comparison.add(row);
    return { from, to, sameFilter: sameFilter(from, to), ...comparison.finish() };
  });
}
