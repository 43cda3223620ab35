/**
 * Pure view logic of the overview grid: what state a row is in, the status filter, the sort
 * and the summary line. No React here, so it is tested and reasoned about on its own.
 */
import type { ApiFailure } from '@/components/portal/api-fetch';
import type { TenantOverview } from '@/lib/overview/types';

export type RowState =
  | { status: 'loading'; previous?: TenantOverview }
  | { status: 'ok'; data: TenantOverview }
  | { status: 'error'; error: ApiFailure; previous?: TenantOverview };

/** `unavailable`: the overview itself could not be loaded (network, portal error). */
export type RowStatus = 'loading' | 'ok' | 'failing' | 'binding_mismatch' | 'unavailable';

export interface Row {
  tenantId: string;
  name: string;
  state: RowState;
}

/** What the row shows: fresh data, or the last data while it reloads. */
export const shownData = (state: RowState): TenantOverview | undefined =>
  state.status === 'ok' ? state.data : state.previous;

export function rowStatus(state: RowState): RowStatus {
  if (state.status === 'error') return 'unavailable';
  const data = shownData(state);
  if (!data) return 'loading';
  return data.token.state === 'ok' ? 'ok' : data.token.state;
}

export function missingPermissionCount(state: RowState): number {
  const permissions = shownData(state)?.permissions;
  return permissions?.state === 'ok' ? permissions.value.missing.length : 0;
}

export const STATUS_FILTERS = [
  { value: 'all', label: 'All tenants' },
  { value: 'ok', label: 'Token ok' },
  { value: 'failing', label: 'Failing' },
  { value: 'binding_mismatch', label: 'Binding mismatch' },
  { value: 'missing_permissions', label: 'Missing permissions' },
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

export function matchesFilter(state: RowState, filter: StatusFilter): boolean {
  const status = rowStatus(state);
  switch (filter) {
    case 'all':
      return true;
    case 'failing': // a row that could not be loaded is a problem too
      return status === 'failing' || status === 'unavailable';
    case 'missing_permissions':
      return missingPermissionCount(state) > 0;
    default:
      return status === filter;
  }
}

export type SortKey = 'name' | 'status' | 'users' | 'budget';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

// Ascending status = worst first: the rows that need someone come to the top.
const SEVERITY: Record<Exclude<RowStatus, 'loading'>, number> = {
  binding_mismatch: 0,
  failing: 1,
  unavailable: 2,
  ok: 3,
};
function severity(state: RowState): number | undefined {
  const status = rowStatus(state);
  if (status === 'loading') return undefined;
  return SEVERITY[status] - (missingPermissionCount(state) > 0 ? 0.5 : 0);
}

function users(state: RowState): number | undefined {
  const field = shownData(state)?.users;
  return field?.state === 'ok' ? field.value.total : undefined;
}

export function budgetShare(state: RowState): number | undefined {
  const field = shownData(state)?.budget;
  return field?.state === 'ok' ? field.value.requests / field.value.limitPerMinute : undefined;
}

const VALUE_OF: Record<SortKey, (row: Row) => number | string | undefined> = {
  name: (row) => row.name,
  status: (row) => severity(row.state),
  users: (row) => users(row.state),
  budget: (row) => budgetShare(row.state),
};

const byName = (a: Row, b: Row) => a.name.localeCompare(b.name) || a.tenantId.localeCompare(b.tenantId);

/** Rows without a value (still loading, failed) go last in either direction; ties by name. */
export function sortRows(rows: readonly Row[], { key, direction }: Sort): Row[] {
  const value = VALUE_OF[key];
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return order * sign || byName(a, b);
  });
}

const SUMMARY_PARTS: [RowStatus, string][] = [
  ['ok', 'ok'],
  ['failing', 'failing'],
  ['binding_mismatch', 'binding mismatch'],
  ['unavailable', 'could not be loaded'],
  ['loading', 'loading'],
];

/** "6 tenants: 5 ok, 1 failing; 2 with missing permissions" */
export function summarize(rows: readonly Row[]): string {
  const counts = new Map<RowStatus, number>();
  for (const row of rows) counts.set(rowStatus(row.state), (counts.get(rowStatus(row.state)) ?? 0) + 1);
  const parts = SUMMARY_PARTS.filter(([status]) => counts.get(status)).map(
    ([status, label]) => `${counts.get(status)} ${label}`,
  );
  const missing = rows.filter((row) => missingPermissionCount(row.state) > 0).length;
  const noun = rows.length === 1 ? 'tenant' : 'tenants';
  return `${rows.length} ${noun}: ${parts.join(', ')}${missing > 0 ? `; ${missing} with missing permissions` : ''}`;
}
