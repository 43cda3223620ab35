import 'server-only';
import { getEnv, type Env } from '../env';
import { logger } from '../logger';
import { createTenantRegistry, type TenantRegistry } from './registry';
import { createConfigServiceSource, createFileSource, type TenantSource } from './sources';

export { toPublicTenant, type PublicTenant, type Tenant } from './tenant-schema';
export type { RegistryStatus, TenantRegistry } from './registry';

export class TenantSourceMissingError extends Error {
  constructor() {
    super('No tenant source configured: set TENANTS_FILE or CONFIG_SERVICE_URL (npm start does this for the demo).');
    this.name = 'TenantSourceMissingError';
  }
}

function createSourceFromEnv(env: Env): TenantSource {
  if (env.TENANTS_FILE) return createFileSource(env.TENANTS_FILE);
  if (env.CONFIG_SERVICE_URL && env.CONFIG_SERVICE_TOKEN) {
    return createConfigServiceSource({ url: env.CONFIG_SERVICE_URL, token: env.CONFIG_SERVICE_TOKEN });
  }
  throw new TenantSourceMissingError();
}

// One registry per process; globalThis keeps it across dev-server module reloads.
const globalForRegistry = globalThis as typeof globalThis & { __tenantRegistry?: TenantRegistry };

export function getTenantRegistry(): TenantRegistry {
  if (!globalForRegistry.__tenantRegistry) {
    const env = getEnv();
    globalForRegistry.__tenantRegistry = createTenantRegistry({
      source: createSourceFromEnv(env),
      refreshIntervalMs: env.CONFIG_REFRESH_INTERVAL_MS,
      logger: logger.child({ component: 'tenant-registry' }),
    });
  }
  return globalForRegistry.__tenantRegistry;
}
