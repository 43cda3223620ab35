import type { ConversationActivity } from '@/lib/dashboard/types';
import { BarChart } from '@/components/charts/bar-chart';
import { formatCount } from '@/components/charts/scale';
import { formatDuration } from './format';
import styles from './section.module.css';

const nameOf = (row: ConversationActivity['rows'][number]) => row.name ?? `Deleted queue ${row.queueId.slice(0, 8)}`;

function Summary({ activity }: { activity: ConversationActivity }) {
  const { totals, rows, activeQueues, totalQueues } = activity;
  const of = totalQueues === null ? '' : ` of ${formatCount(totalQueues)}`;
  return (
    <p className={styles.summary}>
      {formatCount(totals.offered)} offered, {formatCount(totals.handled)} handled, average handle time{' '}
      {formatDuration(totals.averageHandleMs)} across {formatCount(activeQueues)} active queue
      {activeQueues === 1 ? '' : 's'}
      {of}.{rows.length < activeQueues ? ` The ${rows.length} busiest are shown.` : ''}
    </p>
  );
}

/** Offered vs handled per queue as bars, and the same rows with average handle time as a table. */
export function QueueActivity({ activity }: { activity: ConversationActivity }) {
  if (activity.rows.length === 0) {
    return <p className={styles.note}>No conversations reached a queue in the last 24 hours.</p>;
  }
  return (
    <>
      <Summary activity={activity} />
      <BarChart
        title="Conversations per queue, last 24 hours"
        series={['Offered', 'Handled']}
        categoryLabel="Queue"
        table={false}
        groups={activity.rows.map((row) => ({ label: nameOf(row), values: [row.offered, row.handled] }))}
      />
      <table className="data">
        <caption className="sr-only">Conversation activity per queue, last 24 hours</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className={styles.num}>
              Offered
            </th>
            <th scope="col" className={styles.num}>
              Handled
            </th>
            <th scope="col" className={styles.num}>
              Avg. handle time
            </th>
          </tr>
        </thead>
        <tbody>
          {activity.rows.map((row) => (
            <tr key={row.queueId}>
              <th scope="row">{nameOf(row)}</th>
              <td className={styles.num}>{formatCount(row.offered)}</td>
              <td className={styles.num}>{formatCount(row.handled)}</td>
              <td className={styles.num}>{formatDuration(row.averageHandleMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
