import type { ColumnDef } from '@tanstack/react-table';
import '@/components/data-table/column-meta';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { formatUtc } from '@/lib/format-time';
import type { UserRow } from '@/lib/users/user-row';
import { SORTABLE_COLUMNS, USER_COLUMNS, type UserColumn } from '@/lib/users/user-view';

export const USER_COLUMN_LABELS: Readonly<Record<UserColumn, string>> = {
  name: 'Name',
  email: 'Email',
  username: 'Username',
  title: 'Title',
  department: 'Department',
  division: 'Division',
  state: 'State',
  roles: 'Roles',
  dateLastLogin: 'Last login',
  manager: 'Manager',
};

const WIDTHS: Readonly<Record<UserColumn, number>> = {
  name: 200,
  email: 250,
  username: 250,
  title: 180,
  department: 160,
  division: 150,
  state: 110,
  roles: 220,
  dateLastLogin: 170,
  manager: 190,
};

const STATE_TONES: Readonly<Record<string, Tone>> = { active: 'ok', inactive: 'muted', deleted: 'error' };

/** Text that may be cut by the column's width: the full value stays in the tooltip. */
function Text({ value }: { value: string | null }) {
  if (value === null) return <span className="muted">—</span>;
  return <span title={value}>{value}</span>;
}

function LastLogin({ iso }: { iso: string | null }) {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  if (!Number.isFinite(at)) return <span className="muted">Never</span>;
  return <time dateTime={iso ?? undefined}>{formatUtc(at)}</time>;
}

function Manager({ row }: { row: UserRow }) {
  if (row.managerId === null) return <span className="muted">—</span>;
  if (row.managerName !== null) return <span title={row.managerName}>{row.managerName}</span>;
  // Not named on this page and not found by the lookup: the id is what there is.
  return (
    <code className="muted" title={`Manager id ${row.managerId}`}>
      {row.managerId.slice(0, 8)}…
    </code>
  );
}

const VALUES: Readonly<Record<UserColumn, (row: UserRow) => string | null>> = {
  name: (row) => row.name,
  email: (row) => row.email,
  username: (row) => row.username,
  title: (row) => row.title,
  department: (row) => row.department,
  division: (row) => row.divisionName ?? row.divisionId,
  state: (row) => row.state,
  roles: (row) => row.roles.join(', '),
  dateLastLogin: (row) => row.dateLastLogin,
  manager: (row) => row.managerName ?? row.managerId,
};

const isSortable = (column: UserColumn) => (SORTABLE_COLUMNS as readonly string[]).includes(column);

/**
 * The users table's columns, in USER_COLUMNS order. Division names come from the user's
 * division reference, else from the tenant's divisions (the filter's list), else the id.
 */
export function createUserColumns(divisionNames: ReadonlyMap<string, string>): ColumnDef<UserRow>[] {
  const cells: Record<UserColumn, (row: UserRow) => React.ReactNode> = {
    name: (row) => <Text value={row.name} />,
    email: (row) => <Text value={row.email} />,
    username: (row) => <Text value={row.username} />,
    title: (row) => <Text value={row.title} />,
    department: (row) => <Text value={row.department} />,
    division: (row) => (
      <Text value={row.divisionName ?? (row.divisionId && (divisionNames.get(row.divisionId) ?? row.divisionId))} />
    ),
    state: (row) => <StatusBadge tone={STATE_TONES[row.state] ?? 'info'}>{row.state}</StatusBadge>,
    roles: (row) => <Text value={row.roles.length > 0 ? row.roles.join(', ') : null} />,
    dateLastLogin: (row) => <LastLogin iso={row.dateLastLogin} />,
    manager: (row) => <Manager row={row} />,
  };
  return USER_COLUMNS.map((id) => ({
    id,
    // TanStack sorts (here: offers sorting) only columns with an accessor; the server sorts.
    accessorFn: (row) => VALUES[id](row),
    header: USER_COLUMN_LABELS[id],
    cell: ({ row }) => cells[id](row.original),
    size: WIDTHS[id],
    enableSorting: isSortable(id),
    sortDescFirst: false,
    meta: { label: USER_COLUMN_LABELS[id] },
  }));
}
