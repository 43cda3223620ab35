'use client';

import {
  getCoreRowModel,
  useReactTable,
  type ColumnOrderState,
  type PaginationState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { UserRow } from '@/lib/users/user-row';
import { USER_COLUMNS, type SortableColumn, type UserColumn, type UserView } from '@/lib/users/user-view';
import { createUserColumns } from './user-columns';

const resolve = <S>(updater: Updater<S>, current: S): S =>
  typeof updater === 'function' ? (updater as (old: S) => S)(current) : updater;

const isUserColumn = (id: string): id is UserColumn => (USER_COLUMNS as readonly string[]).includes(id);

/** Visible columns as the URL keeps them: undefined for all of them in the default order. */
export function toColumnsParam(visible: readonly string[]): UserColumn[] | undefined {
  const columns = visible.filter(isUserColumn);
  if (columns.length === 0) return undefined; // never none: the menu keeps one, a bad update changes nothing
  const isDefault = columns.length === USER_COLUMNS.length && columns.every((c, i) => c === USER_COLUMNS[i]);
  return isDefault ? undefined : columns;
}

/**
 * The TanStack table of the users view. All of its state is the URL's view: every change
 * (sort, page, page size, column visibility or order) becomes a new view; sorting and filters
 * go back to page 1, a new page size keeps the first row on screen.
 */
export function useUsersTable({
  view,
  update,
  rows,
  total,
  divisionNames,
}: {
  view: UserView;
  update: (patch: Partial<UserView>) => void;
  rows: UserRow[];
  total: number;
  divisionNames: ReadonlyMap<string, string>;
}) {
  const columns = useMemo(() => createUserColumns(divisionNames), [divisionNames]);
  const visible: readonly UserColumn[] = view.columns ?? USER_COLUMNS;
  const columnOrder: ColumnOrderState = [...visible, ...USER_COLUMNS.filter((c) => !visible.includes(c))];
  const columnVisibility: VisibilityState = Object.fromEntries(USER_COLUMNS.map((c) => [c, visible.includes(c)]));
  const sorting: SortingState = [{ id: view.sort, desc: view.dir === 'desc' }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.pageSize };

  const setColumns = (order: ColumnOrderState, visibility: VisibilityState) => {
    const columns = toColumnsParam(order.filter((id) => visibility[id] !== false));
    if (columns !== undefined || view.columns !== undefined) update({ columns });
  };

  // eslint-disable-next-line react-hooks/incompatible-library -- the table is rebuilt from the view on every render, never memoised
  return useReactTable<UserRow>({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: total,
    state: { sorting, pagination, columnOrder, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) update({ sort: next.id as SortableColumn, dir: next.desc ? 'desc' : 'asc', page: 1 });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== view.pageSize) {
        const firstRow = (view.page - 1) * view.pageSize;
        update({ pageSize: next.pageSize as UserView['pageSize'], page: Math.floor(firstRow / next.pageSize) + 1 });
      } else {
        update({ page: Math.max(1, next.pageIndex + 1) });
      }
    },
    onColumnOrderChange: (updater) => setColumns(resolve(updater, columnOrder), columnVisibility),
    onColumnVisibilityChange: (updater) => setColumns(columnOrder, resolve(updater, columnVisibility)),
  });
}
