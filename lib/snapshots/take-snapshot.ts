/**
 * Taking a snapshot: the filtered users through the shared users-search paging (openUserSearch:
 * sorted by id, 429s asked again, each user kept once, paced by the tenant's rate governor),
 * rows written a page at a time so memory holds one page, never the whole list. A failure is
 * recorded with the portal's mapped message and the request id (the detail goes to the log
 * only: every users.export user reads the list).
 */
import type { GenesysClient } from '../genesys/client';
import type { Clock, TenantConnection } from '../genesys/ports';
import { ApiError } from '../http/api-error';
import { toFailure } from '../http/to-failure';
import { logger } from '../logger';
import { systemClock } from '../upstream/system-clock';
import { openUserSearch, SEARCH_PAGE_SIZE } from '../users/user-search';
import type { UserFilter } from '../users/user-view';
import type { SnapshotRun } from './runs';
import { pruneSnapshots } from './snapshots';
import type { SnapshotStore } from './store';
import { withSnapshotStore } from './store-errors';
import { toSnapshotRow } from './to-row';
import { SNAPSHOT_MAX_RUN_MS, type SnapshotMeta, type SnapshotRow } from './types';

export const SNAPSHOT_PAGE_SIZE = SEARCH_PAGE_SIZE;

export interface TakeSnapshotInput {
  client: GenesysClient;
  connection: TenantConnection;
  store: SnapshotStore;
  tenantId: string;
  createdBy: string;
  filter: UserFilter;
  requestId: string;
  /** The tenant's run (lock held): its deadline stops the paging, its progress is reported. */
  run?: Pick<SnapshotRun, 'signal' | 'report'>;
  sleep?: Clock['sleep'];
}

const tooLong = () =>
  new ApiError(
    504,
    'snapshot_too_long',
    `The snapshot took longer than ${SNAPSHOT_MAX_RUN_MS / 60_000} minutes and was stopped. Try a narrower filter.`,
  );

export async function takeSnapshot(input: TakeSnapshotInput): Promise<SnapshotMeta> {
  const { client, connection, store, tenantId, createdBy, filter, requestId, run } = input;
  const signal = run?.signal ?? new AbortController().signal;
  const sleep = input.sleep ?? ((ms: number, abort?: AbortSignal) => systemClock.sleep(ms, abort));
  const report = (progress: Parameters<SnapshotRun['report']>[0]) => run?.report(progress).catch(() => undefined); // progress is a nicety; the record is the truth
  const search = await openUserSearch(client, connection, filter, {
    signal,
    sleep,
    requestId,
    expand: ['authorization'],
  }).catch((error: unknown) => {
    throw signal.aborted ? tooLong() : error;
  });
  // The first page's total: what "n of N" progress is measured against.
  const expected = search.total;
  const writer = await withSnapshotStore(() => store.begin({ tenantId, createdBy, filter, requestId }));
  await report({ snapshotId: writer.id, total: 0, expected });
  let total = 0;
  let page: SnapshotRow[] = [];
  let filterDivisionName: string | undefined;
  const flush = async () => {
    const full = page;
    page = [];
    await withSnapshotStore(() => writer.append(full, expected));
    total += full.length;
    await report({ snapshotId: writer.id, total, expected });
  };
  try {
    for (let user = await search.next(); user; user = await search.next()) {
      const row = toSnapshotRow(user);
      if (row.divisionId === filter.division) filterDivisionName ??= row.divisionName || undefined;
      page.push(row);
      if (page.length === SNAPSHOT_PAGE_SIZE) await flush();
    }
    await flush();
    const meta = await withSnapshotStore(() =>
      writer.complete(expected, filterDivisionName ? { filterDivisionName } : {}),
    );
    await pruneSnapshots(store, tenantId).catch((error: unknown) => {
      logger.warn({ requestId, tenantId, err: String(error) }, 'snapshot retention: old snapshots not deleted');
    });
    return meta;
  } catch (caught) {
    const error = signal.aborted ? tooLong() : caught;
    const failure = toFailure(error, requestId);
    logger.warn(
      { requestId, tenantId, snapshotId: writer.id, err: caught instanceof Error ? caught.message : String(caught) },
      'snapshot not completed',
    );
    await writer.fail(`Not completed: ${failure.message}`).catch(() => undefined);
    throw error;
  } finally {
    search.close();
  }
}
