import type { User } from '../genesys/schemas/user';
import type { UserCsvRecord } from './csv';

/** Names the user carries only as references (division, manager). */
export interface NameLookup {
  division(id: string): string | undefined;
  manager(id: string): string | undefined;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One user as a CSV record. A reference whose name is unknown shows its id rather than
 * nothing, so the cell still says who or what it was. Roles are sorted: two exports of the same
 * users then read the same, whatever order the API listed them in.
 */
export function toUserRecord(user: User, names: NameLookup): UserCsvRecord {
  const division = user.division;
  const manager = user.manager;
  const roles = (user.authorization?.roles ?? []).map((role) => role.name ?? role.id).sort(byText);
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? '',
    username: user.username ?? '',
    title: user.title ?? '',
    department: user.department ?? '',
    division: division ? division.name || names.division(division.id) || division.id : '',
    state: user.state,
    roles: roles.join('; '),
    dateLastLogin: user.dateLastLogin ?? '',
    manager: manager ? manager.name || names.manager(manager.id) || manager.id : '',
  };
}
