import { EmptyState } from '@/components/ui/empty-state';
import { hasFilters, toQueryString, type AuditFilters } from '@/lib/audit-export/filters';
import type { AuditPage } from '@/lib/audit/types';
import { AuditPager } from './audit-pager';
import { AuditTable } from './audit-table';
import styles from './audit.module.css';

function summary(count: number, before: string | undefined, more: boolean): string {
  const entries = `${count} ${count === 1 ? 'entry' : 'entries'}`;
  const where = before ? 'older entries' : 'the newest entries';
  return `Showing ${entries} from ${where}, newest first${more ? '; more on the next page' : ''}.`;
}

/** One page of the filtered view, the CSV export of the whole view, and paging. */
export function AuditResults({ page, filters, before }: { page: AuditPage; filters: AuditFilters; before?: string }) {
  const { entries, nextCursor } = page;
  return (
    <section aria-labelledby="audit-results-title">
      <div className={styles.toolbar}>
        <h2 id="audit-results-title" className="sr-only">
          Entries
        </h2>
        <p role="status">{summary(entries.length, before, nextCursor !== null)}</p>
        {/* Every page of the filtered view, not just this one: the export takes no cursor. */}
        <a href={`/api/audit/export${toQueryString(filters)}`}>Export CSV</a>
      </div>
      {entries.length > 0 ? (
        <AuditTable entries={entries} caption="Audit entries, newest first" />
      ) : nextCursor ? (
        // The store stops a search after a bounded stretch of the log; older entries may still match.
        <EmptyState title="No matching entries in this part of the log">
          Look further back with “Older entries”.
        </EmptyState>
      ) : (
        <EmptyState title={hasFilters(filters) ? 'No entries match these filters' : 'The audit log is empty'}>
          {hasFilters(filters) ? 'Widen the time range or clear a filter.' : null}
        </EmptyState>
      )}
      <AuditPager filters={filters} before={before} nextCursor={nextCursor} />
    </section>
  );
}
