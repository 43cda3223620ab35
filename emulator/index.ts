// Public entry point of the Genesys Cloud Platform API emulator.
import { randomBytes } from 'node:crypto';
import { type Core, createCore, resetCore } from './core';
import { handleRequest } from './handle';
import { type TenantCredential, listTenantCredentials, readOnlyCredential } from './credentials';
import { type EmulatorStats, snapshotStats } from './stats';
import { DEFAULT_ORG_SIZES } from './seed/tenants';

export { ConnectionResetError } from './errors';
export type { TenantCredential } from './credentials';
export type { EmulatorStats, RequestLogEntry } from './stats';
export type { EmulatorResult } from './result';
export { PORTAL_PERMISSIONS, PORTAL_READONLY_PERMISSIONS } from './auth/permission-names';
export { CONFIG_SERVICE_PATH } from './config-service';

export type EmulatorOptions = {
  /** Same seed → identical orgs, users, ids and credentials. Default 42. */
  seed?: number;
  /** Users per org; one org per entry. Default [20000, 2000, 500, 120, 60, 25]. */
  orgSizes?: number[];
  /** X-Service-Token for the config service and fault control; random when unset. */
  configServiceToken?: string;
  /** Enables the /__emulator/* control routes. Default false. */
  faultControl?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export interface Emulator {
  handle(req: Request): Promise<Response>;
  readonly configServiceToken: string;
  /** The portal client of every org, current secrets included. */
  listTenantCredentials(): TenantCredential[];
  /** The org's read-only portal client (everything but directory:organization:admin). */
  readOnlyCredential(tenantIdOrOrgId: string): TenantCredential | undefined;
  reset(): void;
  stats(): EmulatorStats;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const orgSizes = options.orgSizes ?? [...DEFAULT_ORG_SIZES];
  if (orgSizes.length === 0 || orgSizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new RangeError('orgSizes must be a non-empty list of positive integers');
  }
  const core: Core = createCore({
    seed: options.seed ?? 42,
    orgSizes,
    configServiceToken: options.configServiceToken ?? randomBytes(24).toString('base64url'),
    faultControl: options.faultControl ?? false,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
  });
  return {
    handle: (req) => handleRequest(core, req),
    configServiceToken: core.options.configServiceToken,
    listTenantCredentials: () => listTenantCredentials(core),
    readOnlyCredential: (tenant) => readOnlyCredential(core, tenant),
    reset: () => resetCore(core),
    stats: () => snapshotStats(core.stats),
  };
}
