import 'server-only';
import { getEnv } from '../env';
import { createGenesysRuntime, type GenesysRuntime } from '../genesys-runtime';
import { logger } from '../logger';
import type { TenantRegistry } from './registry';

export { toPublicTenant, type PublicTenant, type Tenant } from './tenant-schema';
export type { RegistryStatus, TenantRegistry } from './registry';
export { TenantSourceMissingError } from './source-from-env';

// One runtime per process; globalThis keeps it across dev-server module reloads.
const globalForRuntime = globalThis as typeof globalThis & { __genesysRuntime?: GenesysRuntime };

export function getGenesysRuntime(): GenesysRuntime {
  if (!globalForRuntime.__genesysRuntime) {
    const runtime = createGenesysRuntime({ env: getEnv(), logger: logger.child({ component: 'genesys' }) });
    runtime.startBackgroundRefresh();
    globalForRuntime.__genesysRuntime = runtime;
  }
  return globalForRuntime.__genesysRuntime;
}

export function getTenantRegistry(): TenantRegistry {
  return getGenesysRuntime().registry;
}
