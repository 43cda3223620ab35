import 'server-only';
import { auditedChange } from '../http/audited-change';
import { ApiError } from '../http/api-error';
import { readJsonBody } from '../http/json-body';
import type { TenantRouteContext } from '../http/with-tenant-route';
import { userFilterSchema } from '../users/user-view';
import { getSnapshotRuns, getSnapshotStore } from './get-store';
import type { SnapshotProgress } from './runs';
import { listSnapshots, sweepStaleSnapshots } from './snapshots';
import { withSnapshotStore } from './store-errors';
import { takeSnapshot } from './take-snapshot';
import type { SnapshotList, SnapshotMeta } from './types';

/** GET …/snapshots: the tenant's snapshots, newest first (dead `taking` ones swept on the way). */
export function listTenantSnapshots(tenantId: string): Promise<SnapshotList> {
  return listSnapshots(getSnapshotStore(), getSnapshotRuns(), tenantId);
}

function inProgress(running: SnapshotProgress | undefined): ApiError {
  const who = running ? ` (started by ${running.startedBy} at ${running.startedAt.slice(11, 16)} UTC)` : '';
  return new ApiError(
    409,
    'snapshot_in_progress',
    `A snapshot of this tenant is already being taken${who}. Wait for it to finish, then take another.`,
  );
}

/**
 * POST …/snapshots: takes the whole filtered list before answering (the page polls the list for
 * the progress meanwhile), one snapshot per tenant at a time: while one runs this is a 409
 * `snapshot_in_progress`, refused before anything is audited or asked upstream.
 */
export async function createSnapshot(context: TenantRouteContext): Promise<SnapshotMeta> {
  const { genesys, connection, tenant, user, requestId, request } = context;
  const filter = await readJsonBody(request, userFilterSchema);
  const store = getSnapshotStore();
  const runs = getSnapshotRuns();
  const run = await withSnapshotStore(() => runs.start(tenant.tenantId, user.email));
  if (!run) throw inProgress(await runs.current(tenant.tenantId).catch(() => undefined));
  try {
    await withSnapshotStore(async () => {
      await sweepStaleSnapshots(store, runs, tenant.tenantId, await store.list(tenant.tenantId));
    });
    return await auditedChange(context, {
      action: 'snapshot.create',
      before: undefined,
      run: () =>
        takeSnapshot({
          client: genesys.client,
          connection,
          store,
          tenantId: tenant.tenantId,
          createdBy: user.email,
          filter,
          requestId,
          run,
        }),
      after: (snapshot) => ({ snapshotId: snapshot.id, total: snapshot.total, filter }),
    });
  } finally {
    await run.end().catch(() => undefined); // the lock and progress expire on their own
  }
}
