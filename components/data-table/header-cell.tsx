import { flexRender, type Header, type RowData } from '@tanstack/react-table';
import { columnLabel } from './column-label';
import styles from './data-table.module.css';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const MARK = { asc: '▲', desc: '▼' } as const;

/** A column header; a sortable one is a button, and the sorted one says how (aria-sort). */
export function HeaderCell<T extends RowData>({ header }: { header: Header<T, unknown> }) {
  const { column } = header;
  const label = columnLabel(column);
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={column.columnDef.meta?.className}>
        {content}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  const next = sorted === 'asc' ? 'descending' : 'ascending';
  return (
    <th scope="col" className={column.columnDef.meta?.className} aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
      <button
        type="button"
        className={styles.sortButton}
        onClick={column.getToggleSortingHandler()}
        title={`Sort by ${label}, ${next}`}
      >
        {content}
        <span aria-hidden="true" className={sorted ? styles.sortMark : styles.sortHint}>
          {sorted ? MARK[sorted] : '↕'}
        </span>
      </button>
    </th>
  );
}
