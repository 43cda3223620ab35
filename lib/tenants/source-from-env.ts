import type { Env } from '../env';
import { createConfigServiceSource, createFileSource, type TenantSource } from './sources';

export class TenantSourceMissingError extends Error {
  constructor() {
    super('No tenant source configured: set TENANTS_FILE or CONFIG_SERVICE_URL (npm start does this for the demo).');
    this.name = 'TenantSourceMissingError';
  }
}

export function createSourceFromEnv(env: Env): TenantSource {
  if (env.TENANTS_FILE) return createFileSource(env.TENANTS_FILE);
  if (env.CONFIG_SERVICE_URL && env.CONFIG_SERVICE_TOKEN) {
    return createConfigServiceSource({ url: env.CONFIG_SERVICE_URL, token: env.CONFIG_SERVICE_TOKEN });
  }
  throw new TenantSourceMissingError();
}
