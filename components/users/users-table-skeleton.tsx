import { Skeleton } from '@/components/ui/skeleton';
import { USER_COLUMNS, type UserColumn } from '@/lib/users/user-view';
import { USER_COLUMN_LABELS } from './user-columns';
import styles from './users.module.css';

// Enough rows to fill the table's frame (its max height), so the loaded table is no taller.
const ROWS = 20;

/** The table's own frame with placeholder rows, so the page does not move when rows arrive. */
export function UsersTableSkeleton({ columns = USER_COLUMNS }: { columns?: readonly UserColumn[] }) {
  return (
    <div aria-busy="true" aria-label="Loading users">
      <div className={styles.skeleton}>
        <table className="data">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {USER_COLUMN_LABELS[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: ROWS }, (_, row) => (
              <tr key={row}>
                {columns.map((column) => (
                  <td key={column}>
                    <Skeleton width={`${55 + ((row * 7 + column.length * 5) % 40)}%`} height="0.9rem" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.pagerSpace}>
        <Skeleton width="12rem" height="1.2rem" />
      </div>
    </div>
  );
}
