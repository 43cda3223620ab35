import type { RowData } from '@tanstack/react-table';

// What the wrapper reads from a column definition besides TanStack's own options: the words a
// header, the column menu and screen readers use, and an optional cell class.
declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the merged interface must keep TanStack's parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    className?: string;
  }
}

export {};
