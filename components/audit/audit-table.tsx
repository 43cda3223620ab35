import type { AuditEntry } from '@/lib/audit/types';
import { AuditEntryRow } from './audit-entry-row';
import styles from './audit.module.css';

/** Newest first, as the store returns them. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Details</span>
            </th>
            <th scope="col">Time (UTC)</th>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Tenant</th>
            <th scope="col">Action</th>
            <th scope="col">Result</th>
            <th scope="col">Request id</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
