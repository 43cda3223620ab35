import type { TenantProblem } from './parse-tenant-list';
import type { TenantSource } from './sources';
import type { Tenant } from './tenant-schema';

export interface RegistryLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface RegistryStatus {
  source: TenantSource['kind'];
  sourceDescription: string;
  loadedAt?: number;
  lastError?: { message: string; at: number };
  problems: TenantProblem[];
  tenantCount: number;
}

export interface TenantRegistry {
  /** Tenants from the last successful load; loads (or refreshes, when stale) first. */
  list(): Promise<Tenant[]>;
  status(): RegistryStatus;
}

export interface TenantRegistryOptions {
  source: TenantSource;
  refreshIntervalMs: number;
  logger: RegistryLogger;
  now?: () => number;
}

/**
 * Holds the last valid tenant list. A failed refresh keeps serving it (stale but valid) and is
 * reported in status(); concurrent callers share one load. Breaker, rotation and per-tenant
 * health build on this in the client-core work.
 */
export function createTenantRegistry(options: TenantRegistryOptions): TenantRegistry {
  const { source, refreshIntervalMs, logger, now = Date.now } = options;
  let tenants: Tenant[] | undefined;
  let loadedAt: number | undefined;
  let lastError: RegistryStatus['lastError'];
  let problems: TenantProblem[] = [];
  let inFlight: Promise<void> | undefined;

  async function load(): Promise<void> {
    try {
      const result = await source.load();
      tenants = result.tenants;
      problems = result.problems;
      loadedAt = now();
      lastError = undefined;
      for (const problem of result.problems) {
        logger.warn({ source: source.kind, ...problem }, 'tenant entry skipped');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown error';
      lastError = { message, at: now() };
      logger.warn({ source: source.kind, err: message, stale: tenants !== undefined }, 'tenant source failed');
      if (tenants === undefined) throw error;
    }
  }

  function refresh(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async list() {
      const stale = loadedAt === undefined || now() - loadedAt >= refreshIntervalMs;
      if (tenants === undefined || stale) await refresh();
      return tenants ?? [];
    },
    status() {
      return {
        source: source.kind,
        sourceDescription: source.describe,
        loadedAt,
        lastError,
        problems,
        tenantCount: tenants?.length ?? 0,
      };
    },
  };
}
