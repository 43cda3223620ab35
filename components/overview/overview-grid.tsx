'use client';

import { useCallback, useMemo, useState } from 'react';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { OverviewRow } from './overview-row';
import {
  matchesFilter,
  sortRows,
  STATUS_FILTERS,
  summarize,
  type Row,
  type Sort,
  type SortKey,
  type StatusFilter,
} from './rows';
import { useOverviewRows } from './use-overview-rows';
import styles from './overview.module.css';

const COLUMN_COUNT = 8;

// First click on a column: the order most useful for it (problems, biggest, busiest first).
const FIRST_DIRECTION: Record<SortKey, Sort['direction']> = {
  name: 'ascending',
  status: 'ascending',
  users: 'descending',
  budget: 'descending',
};

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className={styles.sortButton} onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** Every granted tenant's health at a glance; each row loads, fails and retries on its own. */
export function OverviewGrid({ tenants }: { tenants: PublicTenant[] }) {
  // Loaded in name order, the order the table first shows.
  const ordered = useMemo(() => [...tenants].sort((a, b) => a.displayName.localeCompare(b.displayName)), [tenants]);
  const ids = useMemo(() => ordered.map((tenant) => tenant.tenantId), [ordered]);
  const byId = useMemo(() => new Map(tenants.map((tenant) => [tenant.tenantId, tenant])), [tenants]);
  const { stateOf, refresh, retry } = useOverviewRows(ids);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });

  const onSort = useCallback(
    (key: SortKey) =>
      setSort((current) =>
        current.key === key
          ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: FIRST_DIRECTION[key] },
      ),
    [],
  );

  const rows: Row[] = ordered.map((tenant) => ({
    tenantId: tenant.tenantId,
    name: tenant.displayName,
    state: stateOf(tenant.tenantId),
  }));
  const visible = sortRows(
    rows.filter((row) => matchesFilter(row.state, filter)),
    sort,
  );
  const loading = rows.some((row) => row.state.status === 'loading');
  const filterLabel = STATUS_FILTERS.find((option) => option.value === filter)?.label ?? filter;

  return (
    <>
      <div className={styles.toolbar}>
        {/* Announced once the rows have settled (aria-busy), not at every row that arrives. */}
        <p id="overview-summary" className={styles.summary} role="status" aria-busy={loading}>
          {summarize(rows)}
        </p>
        <label>
          Show
          <select value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
            {STATUS_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={refresh}>
          Refresh all
        </button>
      </div>
      <div className={styles.scroller}>
        <table className="data" aria-describedby="overview-summary">
          <caption className="sr-only">
            Granted tenants: {filterLabel}, {visible.length} of {rows.length} shown
          </caption>
          <thead>
            <tr>
              <SortHeader label="Tenant" sortKey="name" sort={sort} onSort={onSort} />
              <th scope="col">Region</th>
              <th scope="col">Environment</th>
              <SortHeader label="Token" sortKey="status" sort={sort} onSort={onSort} />
              <th scope="col">Permissions</th>
              <SortHeader label="Active users" sortKey="users" sort={sort} onSort={onSort} />
              <SortHeader label="Rate budget (last min)" sortKey="budget" sort={sort} onSort={onSort} />
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => {
              const tenant = byId.get(row.tenantId);
              return tenant ? (
                <OverviewRow key={row.tenantId} tenant={tenant} state={row.state} onRetry={retry} />
              ) : null;
            })}
            {visible.length === 0 ? (
              <tr>
                <td colSpan={COLUMN_COUNT} className="muted">
                  No tenant matches “{filterLabel}”.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
