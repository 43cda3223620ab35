'use client';

import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { formatCount } from '@/components/charts/scale';
import { ColumnMenu } from '@/components/data-table/column-menu';
import { DataTable } from '@/components/data-table/data-table';
import { Pager, rowsSummary } from '@/components/data-table/pager';
import { useTenantJson } from '@/components/portal/use-tenant-json';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersExportButton } from '@/components/users-export/users-export-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { DivisionList, UserRow, UserViewResponse } from '@/lib/users/user-row';
import { PAGE_SIZES, toViewSearch, type UserFilter, type UserView } from '@/lib/users/user-view';
import { UsersFilters } from './users-filters';
import { UsersTableSkeleton } from './users-table-skeleton';
import styles from './users.module.css';
import { useUrlView } from './use-url-view';
import { useUsersTable } from './use-users-table';

const NO_ROWS: UserRow[] = [];

const filterOf = ({ q, state, division }: UserView): UserFilter => ({ q, state, division });

/**
 * The tenant's users, one server-side page at a time, as the URL's view says. While the next
 * page loads, the rows on screen stay (dimmed, aria-busy); rows of another tenant are never
 * shown (useTenantJson drops them, and the kept page is checked against the tenant too).
 */
export function UsersTable({
  tenantId,
  divisions,
  canExport,
}: {
  tenantId: string;
  divisions: DivisionList;
  canExport: boolean;
}) {
  const { view, problem, setView } = useUrlView();
  const update = useCallback((patch: Partial<UserView>) => setView({ ...view, ...patch }), [view, setView]);
  const onFilter = useCallback((patch: Partial<UserFilter>) => update({ ...patch, page: 1 }), [update]);

  const search = toViewSearch(view).toString();
  const state = useTenantJson<UserViewResponse>(`/api/tenants/${encodeURIComponent(tenantId)}/users/view?${search}`, {
    tenantId,
  });
  const [last, setLast] = useState<UserViewResponse | null>(null);
  if (state.status === 'ok' && state.data !== last) setLast(state.data);
  const current = state.status === 'ok' ? state.data : last;
  const shown = current?.tenantId === tenantId ? current.data : null;
  const busy = state.status === 'loading' && shown !== null;

  const divisionNames = useMemo(
    () => new Map(divisions.ok ? divisions.divisions.map((d) => [d.id, d.name] as const) : []),
    [divisions],
  );
  const table = useUsersTable({ view, update, rows: shown?.rows ?? NO_ROWS, total: shown?.total ?? 0, divisionNames });
  const filter = filterOf(view);
  const filtered = Boolean(view.q || view.state || view.division);
  const filterQuery = toViewSearch(filter).toString();

  return (
    <section className={styles.root} data-tenant-id={tenantId} aria-label="Users">
      {problem ? (
        <p className="notice error" role="alert">
          This link&apos;s view is not valid ({problem}), so the default view is shown.
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <UsersFilters filter={filter} divisions={divisions} onChange={onFilter} />
        <div className={styles.actions}>
          <ColumnMenu table={table} onReset={() => update({ columns: undefined })} />
          {canExport ? (
            <>
              <UsersExportButton tenantId={tenantId} filter={filter} />
              <Link href={`/users/snapshots${filterQuery ? `?${filterQuery}` : ''}`}>Snapshots</Link>
            </>
          ) : null}
        </div>
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          title="Could not load users"
          message={state.error.message}
          code={state.error.code}
          requestId={state.error.requestId}
          missingPermissions={state.error.missingPermissions}
          retryAfterSeconds={state.error.retryAfterSeconds}
          onRetry={state.retry}
        />
      ) : shown === null ? (
        <UsersTableSkeleton columns={view.columns} />
      ) : shown.total === 0 || shown.rows.length === 0 ? (
        <div aria-busy={busy} className={busy ? styles.dim : undefined}>
          {shown.total === 0 ? (
            <EmptyState
              title={filtered ? 'No users match these filters.' : 'This organization has no active or inactive users.'}
            >
              {filtered ? (
                <button type="button" onClick={() => onFilter({ q: undefined, state: undefined, division: undefined })}>
                  Clear filters
                </button>
              ) : null}
            </EmptyState>
          ) : (
            <p className="notice" role="status">
              Page {formatCount(shown.page)} is past the end of this list ({formatCount(shown.pageCount)} pages).{' '}
              <button type="button" onClick={() => update({ page: Math.max(1, shown.pageCount) })}>
                Go to the last page
              </button>
            </p>
          )}
        </div>
      ) : (
        <>
          <DataTable
            table={table}
            label="Users"
            busy={busy}
            firstRowIndex={(shown.page - 1) * shown.pageSize}
            rowAttributes={(row) => ({ 'data-user-id': row.id })}
          />
          <Pager
            table={table}
            pageSizes={PAGE_SIZES}
            label="Users pages"
            summary={`${rowsSummary(shown.page, shown.pageSize, shown.rows.length, shown.total)}${busy ? ' · loading…' : ''}`}
          />
        </>
      )}
    </section>
  );
}
