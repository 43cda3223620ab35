/**
 * One user as the users table shows it: flat, plain data, the same on the server (route) and in
 * the browser (table). Pure: built from the search API's user, nothing fetched here.
 */
import type { User } from '../genesys/schemas/user';

export interface UserRow {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  title: string | null;
  department: string | null;
  divisionId: string | null;
  /** From the user's division reference; null when Genesys left the name out. */
  divisionName: string | null;
  state: string;
  /** Role names (the `authorization` expansion), sorted. */
  roles: string[];
  dateLastLogin: string | null;
  managerId: string | null;
  /** Null when the manager could not be named (the id is still there). */
  managerName: string | null;
}

/** One page of the users view: what GET /api/tenants/[tenantId]/users/view answers in `data`. */
export interface UserViewPage {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  rows: UserRow[];
}

/** A division as the users filter offers it. */
export interface DivisionOption {
  id: string;
  name: string;
}

/** The divisions filter's choices, or why there are none (the table works without them). */
export type DivisionList = { ok: true; divisions: DivisionOption[] } | { ok: false; message: string };

export interface UserViewResponse {
  tenantId: string;
  data: UserViewPage;
}

const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

export function toUserRow(user: User, managerNames: ReadonlyMap<string, string>): UserRow {
  const managerId = user.manager?.id ?? null;
  const roles = (user.authorization?.roles ?? []).flatMap((role) => (role.name ? [role.name] : []));
  return {
    id: user.id,
    name: user.name,
    email: text(user.email),
    username: text(user.username),
    title: text(user.title),
    department: text(user.department),
    divisionId: user.division?.id ?? null,
    divisionName: text(user.division?.name),
    state: user.state,
    roles: roles.sort((a, b) => a.localeCompare(b, 'en')),
    dateLastLogin: text(user.dateLastLogin),
    managerId,
    // A manager reference may carry its name (an expanded manager) or only the id.
    managerName: managerId === null ? null : (text(user.manager?.name) ?? managerNames.get(managerId) ?? null),
  };
}

/** Managers named by the users of the same page (no request); the rest are returned unresolved. */
export function namesOnPage(users: readonly User[]): Map<string, string> {
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Manager ids that neither their reference nor the page's users name, without duplicates. */
export function unnamedManagerIds(users: readonly User[], known: ReadonlyMap<string, string>): string[] {
  const ids = new Set<string>();
  for (const { manager } of users) {
    if (manager && !manager.name && !known.has(manager.id)) ids.add(manager.id);
  }
  return [...ids];
}
