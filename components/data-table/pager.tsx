'use client';

import type { RowData, Table } from '@tanstack/react-table';
import { useId } from 'react';
import { formatCount } from '@/components/charts/scale';
import styles from './data-table.module.css';

/** "Rows 26–50 of 20,000" for the rows on screen; "No rows" for none. */
export function rowsSummary(page: number, pageSize: number, shown: number, total: number): string {
  if (shown === 0) return total === 0 ? 'No rows' : `No rows on page ${formatCount(page)}`;
  const first = (page - 1) * pageSize + 1;
  return `Rows ${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)}`;
}

/**
 * Server-side paging of a TanStack table: first / previous / next / last, the position, and
 * the page size. The summary describes the rows on screen (which may still be the previous
 * page's while the next one loads), so it is the caller's.
 */
export function Pager<T extends RowData>({
  table,
  pageSizes,
  summary,
  label,
}: {
  table: Table<T>;
  pageSizes: readonly number[];
  summary: string;
  label: string;
}) {
  const sizeId = useId();
  const { pageIndex, pageSize } = table.getState().pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const canPrevious = table.getCanPreviousPage();
  const canNext = table.getCanNextPage();
  return (
    <nav className={styles.pager} aria-label={label}>
      <p role="status" aria-live="polite" className="muted">
        {summary}
      </p>
      <div className={styles.pagerButtons}>
        <button type="button" onClick={() => table.firstPage()} disabled={!canPrevious} aria-label="First page">
          «
        </button>
        <button type="button" onClick={() => table.previousPage()} disabled={!canPrevious} aria-label="Previous page">
          ‹
        </button>
        <span>
          Page {formatCount(pageIndex + 1)} of {formatCount(pageCount)}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!canNext} aria-label="Next page">
          ›
        </button>
        <button type="button" onClick={() => table.lastPage()} disabled={!canNext} aria-label="Last page">
          »
        </button>
      </div>
      <label className={styles.pageSize} htmlFor={sizeId}>
        Rows per page
        <select id={sizeId} value={pageSize} onChange={(event) => table.setPageSize(Number(event.target.value))}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
