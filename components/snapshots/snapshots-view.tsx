'use client';

import { useEffect, useEffectEvent } from 'react';
import { useTenantJson } from '@/components/portal/use-tenant-json';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { SnapshotList } from '@/lib/snapshots/types';
import type { UserFilter } from '@/lib/users/user-view';
import { CompareForm } from './compare-form';
import { SnapshotTable } from './snapshot-table';
import styles from './snapshots.module.css';
import { TakeSnapshotPanel } from './take-snapshot-panel';
import { useTakeSnapshot } from './use-take-snapshot';

/** How often the list is re-read while a snapshot is being taken (its progress). */
export const PROGRESS_POLL_MS = 1_000;

interface Props {
  tenantId: string;
  filter: UserFilter | null;
  filterProblem?: string;
  divisionName?: string;
}

/** The snapshots page of one tenant: take one of the current filter, list them, compare two. */
export function SnapshotsView({ tenantId, filter, filterProblem, divisionName }: Props) {
  const list = useTenantJson<{ tenantId: string; data: SnapshotList }>(
    `/api/tenants/${encodeURIComponent(tenantId)}/snapshots`,
    { tenantId },
  );
  const { retry } = list;
  const { state, take } = useTakeSnapshot(tenantId, retry);
  const snapshots = list.status === 'ok' ? list.data.data.snapshots : [];
  const beingTaken = snapshots.find((snapshot) => snapshot.status === 'taking');
  const polling = state.status === 'taking' || beingTaken !== undefined;

  const reload = useEffectEvent(retry);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => reload(), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [polling]);

  return (
    <div className={styles.root} data-tenant-id={tenantId}>
      <div className="panel-grid">
        <Panel id="take-snapshot" title="Take a snapshot">
          <TakeSnapshotPanel
            filter={filter}
            filterProblem={filterProblem}
            divisionName={divisionName}
            state={state}
            progress={beingTaken}
            onTake={(chosen) => void take(chosen)}
          />
        </Panel>
        <Panel id="compare-snapshots" title="Compare two snapshots">
          {list.status === 'ok' ? (
            <CompareForm snapshots={snapshots.filter((snapshot) => snapshot.status === 'complete')} />
          ) : (
            <Skeleton height="6rem" label="Loading snapshots" />
          )}
        </Panel>
      </div>
      <Panel id="snapshot-list" title="Snapshots" wide>
        {list.status === 'loading' ? <Skeleton height="8rem" label="Loading snapshots" /> : null}
        {list.status === 'error' ? (
          <ErrorPanel
            title="Could not list the snapshots"
            message={list.error.message}
            code={list.error.code}
            requestId={list.error.requestId}
            onRetry={retry}
          />
        ) : null}
        {list.status === 'ok' && snapshots.length === 0 ? (
          <EmptyState title="No snapshots of this tenant yet.">
            A snapshot keeps who is in the filtered user list now, so it can be compared with a later one.
          </EmptyState>
        ) : null}
        {snapshots.length > 0 ? <SnapshotTable snapshots={snapshots} /> : null}
      </Panel>
    </div>
  );
}
