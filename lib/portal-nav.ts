/**
 * The portal's pages and the capability each one needs: the header links only what the role
 * can use; each page's segment layout answers 403 for the rest (requireCapability).
 * Pure data, so client components and tests read the same table.
 */
import { can } from './auth/capabilities';
import type { Capability, Role } from './auth/types';

export interface NavItem {
  href: string;
  label: string;
  capability: Capability;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', capability: 'tenant.view' },
  { href: '/overview', label: 'All tenants', capability: 'tenant.view' },
  { href: '/settings', label: 'Settings', capability: 'org.edit' },
  { href: '/users', label: 'Users', capability: 'users.view' },
  { href: '/credentials', label: 'Credentials & health', capability: 'credentials.view' },
  { href: '/audit', label: 'Audit log', capability: 'audit.view' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.capability));
}
