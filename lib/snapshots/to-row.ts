import type { User } from '../genesys/schemas/user';
import type { SnapshotRole, SnapshotRow } from './types';

const byName = (a: SnapshotRole, b: SnapshotRole) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;

/** A searched user (expanded with `authorization`) as a snapshot row. */
export function toSnapshotRow(user: User): SnapshotRow {
  const roles = (user.authorization?.roles ?? []).map((role) => ({ id: role.id, name: role.name ?? '' }));
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? user.username ?? '',
    state: user.state,
    divisionId: user.division?.id ?? '',
    divisionName: user.division?.name ?? '',
    roles: roles.sort(byName),
  };
}
