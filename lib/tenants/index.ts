import 'server-only';
import type { TenantRegistry } from './registry';
import { getGenesysRuntime } from './runtime';

export { toPublicTenant, type PublicTenant, type Tenant } from './tenant-schema';
export type { RegistryStatus, TenantRegistry } from './registry';
export { TenantSourceMissingError } from './source-from-env';
export { getGenesysRuntime };

export function getTenantRegistry(): TenantRegistry {
  return getGenesysRuntime().registry;
}
