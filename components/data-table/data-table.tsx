'use client';

import { flexRender, type Row, type RowData, type Table } from '@tanstack/react-table';
import { useEffect, useRef, type CSSProperties } from 'react';
import './column-meta';
import styles from './data-table.module.css';
import { HeaderCell } from './header-cell';
import { useRowWindow } from './use-row-window';

export const ROW_HEIGHT = 36;

interface Props<T extends RowData> {
  table: Table<T>;
  /** The table's accessible name. */
  label: string;
  /** The next data is loading: the rows on screen are kept, dimmed, until it arrives. */
  busy?: boolean;
  /** Attributes of a row's <tr> (e.g. data-user-id). */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
  /** More rows than this are virtualized: only those in view are in the DOM. */
  virtualizeAbove?: number;
  /** Position of the first row in the whole list (default: from the pagination state). */
  firstRowIndex?: number;
}

/**
 * A @tanstack/react-table instance as a real <table> inside a keyboard-scrollable region.
 * Paging, sorting and filtering are the caller's (server-side); this renders what it is given.
 * Large pages keep table semantics while virtualized: rows out of view are replaced by two
 * spacer rows, and every row keeps its aria-rowindex in the whole (server-side) list.
 */
export function DataTable<T extends RowData>({
  table,
  label,
  busy = false,
  rowAttributes,
  virtualizeAbove = 50,
  firstRowIndex,
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const virtual = rows.length > virtualizeAbove;
  const visible = useRowWindow({ count: rows.length, enabled: virtual, rowHeight: ROW_HEIGHT, scrollRef });
  const { pageIndex, pageSize } = table.getState().pagination;
  const firstIndex = firstRowIndex ?? pageIndex * pageSize;
  const rowCount = table.getRowCount();

  // A new page starts at its top.
  const data = table.options.data;
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [data]);

  const width = columns.reduce((sum, column) => sum + column.getSize(), 0);
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" className={styles.spacer} style={{ height }}>
        <td colSpan={columns.length} />
      </tr>
    ) : null;

  return (
    <div
      ref={scrollRef}
      className={busy ? `${styles.scroller} ${styles.busy}` : styles.scroller}
      style={{ '--row-height': `${ROW_HEIGHT}px` } as CSSProperties}
      role="region"
      aria-label={`${label} (scrollable)`}
      aria-busy={busy}
      tabIndex={0}
    >
      <table
        className={`data ${styles.table}`}
        aria-label={label}
        aria-rowcount={rowCount > 0 ? rowCount + 1 : undefined}
        style={{ minWidth: width }}
        data-virtualized={virtual}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {spacer(visible.before, 'before')}
          {visible.indexes.map((index) => {
            const row = rows[index] as Row<T>;
            return (
              <tr key={row.id} aria-rowindex={firstIndex + index + 2} {...rowAttributes?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {spacer(visible.after, 'after')}
        </tbody>
      </table>
    </div>
  );
}
