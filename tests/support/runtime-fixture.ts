/**
 * A real GenesysRuntime (registry from a tenants file, memory stores, token provider, governor,
 * client) talking to the msw-mounted emulator through global fetch, as the server would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TenantCredential } from '@/emulator/index';
import { parseEnv } from '@/lib/env';
import { createGenesysRuntime, type GenesysRuntime } from '@/lib/genesys-runtime';
import type { GenesysLogger } from '@/lib/genesys/ports';

export type TenantFileEntry = Omit<TenantCredential, 'rotationIntervalMs'> & { rotationIntervalMs?: number };

export function writeTenantsFile(entries: TenantFileEntry[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tenants-')), 'tenants.json');
  writeFileSync(path, JSON.stringify({ tenants: entries }));
  return path;
}

export const silentLogger: GenesysLogger & { info(): void } = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A runtime whose tenants come from the emulator's config service, like the embedded demo. */
export function createConfigServiceRuntime(
  baseUrl: string,
  serviceToken: string,
  logger: GenesysLogger = silentLogger,
  refreshIntervalMs = 60_000,
): GenesysRuntime {
  const env = parseEnv({
    CONFIG_SERVICE_URL: `${baseUrl}/api/v1/genesys/tenants`,
    CONFIG_SERVICE_TOKEN: serviceToken,
    CONFIG_REFRESH_INTERVAL_MS: String(refreshIntervalMs),
    GENESYS_GATEWAY_URL: baseUrl,
    LOG_LEVEL: 'silent',
  });
  return createGenesysRuntime({ env, logger });
}

export function createTestRuntime(
  baseUrl: string,
  entries: TenantFileEntry[],
  logger: GenesysLogger = silentLogger,
): GenesysRuntime {
  const env = parseEnv({ TENANTS_FILE: writeTenantsFile(entries), GENESYS_GATEWAY_URL: baseUrl, LOG_LEVEL: 'silent' });
  return createGenesysRuntime({ env, logger });
}
