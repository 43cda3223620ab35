import Link from 'next/link';
import { toQueryString, type AuditFilters } from '@/lib/audit-export/filters';
import styles from './audit.module.css';

/** Cursor paging: "Newest" drops the cursor, "Older entries" carries the next one; both keep the filters. */
export function AuditPager({
  filters,
  before,
  nextCursor,
}: {
  filters: AuditFilters;
  before?: string;
  nextCursor: string | null;
}) {
  if (!before && !nextCursor) return null;
  return (
    <nav className={styles.pager} aria-label="Audit log pages">
      {before ? <Link href={`/audit${toQueryString(filters)}`}>« Newest</Link> : <span />}
      {nextCursor ? <Link href={`/audit${toQueryString(filters, nextCursor)}`}>Older entries »</Link> : null}
    </nav>
  );
}
