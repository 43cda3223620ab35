import { formatCount } from '@/components/charts/scale';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatUtc } from '@/lib/format-time';
import type { SnapshotMeta } from '@/lib/snapshots/types';
import { describeFilter, progressText } from './snapshot-format';
import { SnapshotProgress } from './snapshot-progress';
import styles from './snapshots.module.css';

function Status({ snapshot }: { snapshot: SnapshotMeta }) {
  if (snapshot.status === 'complete') return <StatusBadge tone="ok">Complete</StatusBadge>;
  if (snapshot.status === 'taking')
    return (
      <span className={styles.taking}>
        <SnapshotProgress snapshot={snapshot} /> {progressText(snapshot)}
      </span>
    );
  return (
    <>
      <StatusBadge tone="error">Failed</StatusBadge> <span className="muted">{snapshot.error}</span>
      {snapshot.requestId ? <span className="muted"> (request id {snapshot.requestId})</span> : null}
    </>
  );
}

/** The tenant's snapshots, newest first, as the server listed them. */
export function SnapshotTable({ snapshots }: { snapshots: SnapshotMeta[] }) {
  return (
    <table className="data">
      <caption className="sr-only">Snapshots of this tenant&apos;s user list, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">By</th>
          <th scope="col">Filter</th>
          <th scope="col" className={styles.number}>
            Users
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((snapshot) => (
          <tr key={snapshot.id} data-snapshot-id={snapshot.id}>
            <td>
              <time dateTime={snapshot.createdAt}>{formatUtc(Date.parse(snapshot.createdAt))}</time>
            </td>
            <td>{snapshot.createdBy}</td>
            <td>{describeFilter(snapshot.filter, snapshot.filterDivisionName)}</td>
            <td className={styles.number}>{snapshot.status === 'complete' ? formatCount(snapshot.total) : '—'}</td>
            <td>
              <Status snapshot={snapshot} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
