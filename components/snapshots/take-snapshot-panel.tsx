'use client';

import { ErrorPanel } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { SNAPSHOT_RETENTION, type SnapshotMeta } from '@/lib/snapshots/types';
import type { UserFilter } from '@/lib/users/user-view';
import { describeFilter, progressText, usersText } from './snapshot-format';
import { SnapshotProgress } from './snapshot-progress';
import styles from './snapshots.module.css';
import type { TakeState } from './use-take-snapshot';

interface Props {
  /** The users page's filter, from this page's address; null when it is not valid. */
  filter: UserFilter | null;
  filterProblem?: string;
  divisionName?: string;
  state: TakeState;
  /** The newest snapshot being taken, as the list last showed it. */
  progress?: SnapshotMeta;
  onTake: (filter: UserFilter) => void;
}

export function TakeSnapshotPanel({ filter, filterProblem, divisionName, state, progress, onTake }: Props) {
  const taking = state.status === 'taking';
  const done = state.status === 'done' ? state.snapshot : undefined;
  return (
    <div className={styles.take}>
      {filter ? (
        <p>
          Filter: <strong>{describeFilter(filter, divisionName)}</strong>
        </p>
      ) : (
        <p className="notice error" role="alert">
          The filter in this address is not valid ({filterProblem ?? 'unknown problem'}); choose it again on the users
          page.
        </p>
      )}
      <div>
        <button
          type="button"
          // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
          aria-disabled={taking || !filter}
          aria-busy={taking}
          onClick={() => {
            if (!taking && filter) onTake(filter);
          }}
        >
          {taking ? 'Taking snapshot…' : 'Take snapshot of the current filter'}
        </button>
      </div>
      <p className="muted">
        One snapshot of a tenant is taken at a time. The newest {SNAPSHOT_RETENTION} are kept: when a new one completes,
        the oldest beyond that are deleted.
      </p>
      <div aria-live="polite" className={styles.status}>
        {taking ? (
          <>
            <SnapshotProgress snapshot={progress} />
            <p className="muted">
              {progress ? progressText(progress) : 'Starting…'} You can leave this page: the snapshot is finished on the
              server and appears in the list.
            </p>
          </>
        ) : null}
        {done ? (
          <p>
            <StatusBadge tone="ok">Saved</StatusBadge> Snapshot taken: {usersText(done.total)}.
            {done.expected !== null && done.expected !== done.total
              ? ` The list changed while it was taken (search first reported ${usersText(done.expected)}).`
              : null}
          </p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          title={
            state.error.code === 'snapshot_in_progress'
              ? 'Another snapshot of this tenant is being taken'
              : 'The snapshot was not taken'
          }
          message={state.error.message}
          code={state.error.code}
          requestId={state.error.requestId}
          missingPermissions={state.error.missingPermissions}
          retryAfterSeconds={state.error.retryAfterSeconds}
        />
      ) : null}
    </div>
  );
}
