import type { AuditRow } from '@/lib/dashboard/types';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { formatUtc } from '@/lib/format-time';
import styles from './section.module.css';

const RESULT_TONE: Record<AuditRow['result'], Tone> = { success: 'ok', failure: 'error', denied: 'warn' };

export function AuditEntries({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <p className={styles.note}>No audit entries for this tenant yet.</p>;
  return (
    <table className="data">
      <caption className="sr-only">Latest audit entries for this tenant, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">User</th>
          <th scope="col">Action</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.time}>{formatUtc(Date.parse(entry.time))}</time>
            </td>
            <td>{entry.userEmail ?? '—'}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>
              <StatusBadge tone={RESULT_TONE[entry.result]}>{entry.result}</StatusBadge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
