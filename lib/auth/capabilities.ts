import { CAPABILITIES, type Capability, type Role } from './types';

/**
 * THE capability matrix, written once. Every check in the portal asks `can(role, capability)`;
 * nothing else branches on a role name, so changing who may do what is a one-line edit here.
 * Ops run tenants day to day (dashboards, settings) but never see credentials or exports;
 * auditors read and export but change nothing.
 */
const MATRIX: Readonly<Record<Role, ReadonlySet<Capability>>> = {
  admin: new Set(CAPABILITIES),
  ops: new Set<Capability>(['tenant.view', 'org.edit', 'users.view']),
  auditor: new Set<Capability>(['tenant.view', 'users.view', 'users.export', 'audit.view']),
};

export function can(role: Role, capability: Capability): boolean {
  // An unknown role (e.g. a stale cookie from a newer build) has no capabilities.
  return MATRIX[role]?.has(capability) ?? false;
}

/** In CAPABILITIES order, so UIs and tests see a stable list. */
export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((capability) => can(role, capability));
}
