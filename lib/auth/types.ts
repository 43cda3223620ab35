/**
 * Portal users, roles and capabilities: the vocabulary of access control. The capability
 * matrix lives in lib/auth/capabilities.ts; everything else asks `can(role, capability)`.
 */
export const ROLES = ['admin', 'ops', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'tenant.view', // dashboards, organization, divisions, roles, OAuth clients, queues of a granted tenant
  'org.edit', // organization fields, features, authentication settings
  'users.view', // user lists and search
  'users.export', // CSV export, snapshots
  'audit.view', // audit log of granted tenants
  'credentials.view', // credential health, permission probe
  'credentials.rotate', // re-read credentials, evict token
  'tenants.manage', // manage tenants and portal users
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Which tenants a user may see: every tenant, or listed tenant ids and tenant groups. */
export type TenantGrants = { all: true } | { all?: false; tenants: string[]; groups: string[] };

export interface PortalUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  grants: TenantGrants;
  disabled: boolean;
}

/** As stored: the user plus a password hash (never leaves the server). */
export interface StoredPortalUser extends PortalUser {
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}
