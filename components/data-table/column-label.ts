import type { Column, RowData } from '@tanstack/react-table';
import './column-meta';

/** The column's words: its meta label, else its id. */
export const columnLabel = <T extends RowData>(column: Column<T, unknown>): string =>
  column.columnDef.meta?.label ?? column.id;

/** `order` with `id` moved one step (-1 left, +1 right) among the visible ids; unchanged at an edge. */
export function moveColumn(order: readonly string[], visible: ReadonlySet<string>, id: string, step: -1 | 1): string[] {
  const shown = order.filter((column) => visible.has(column));
  const from = shown.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= shown.length) return [...order];
  [shown[from], shown[to]] = [shown[to]!, shown[from]!];
  return [...shown, ...order.filter((column) => !visible.has(column))];
}
