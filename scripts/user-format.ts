import type { StoredPortalUser, TenantGrants } from '../lib/auth/types';

export function describeGrants(grants: TenantGrants): string {
  if (grants.all === true) return 'all tenants';
  const parts = [];
  if (grants.tenants.length > 0) parts.push(`tenants ${grants.tenants.join(',')}`);
  if (grants.groups.length > 0) parts.push(`groups ${grants.groups.join(',')}`);
  return parts.join(' + ') || 'no tenants';
}

/** A plain table for `list`; built from chosen fields only, so a hash can never slip in. */
export function formatUserTable(users: StoredPortalUser[]): string {
  if (users.length === 0) return 'no users';
  const rows = users.map((u) => [
    u.email,
    u.name,
    u.role,
    u.disabled ? 'disabled' : 'active',
    describeGrants(u.grants),
    u.id,
  ]);
  const header = ['email', 'name', 'role', 'status', 'grants', 'id'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), `${users.length} user${users.length === 1 ? '' : 's'}`].join('\n');
}
