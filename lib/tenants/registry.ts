import { BrokenCircuitError } from 'cockatiel';
import { TenantAccessError } from '../genesys/errors';
import type { TenantProblem } from './parse-tenant-list';
import { withCircuitBreaker, type BreakerState } from './source-breaker';
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
  breaker: BreakerState;
  /** Epoch ms at which each rotating tenant's credentials are next re-read. */
  rotationDueAt: Record<string, number>;
}

export type CredentialsChangedListener = (
  tenantId: string,
  reason: 'rotated' | 'secret-changed' | 'removed',
) => void | Promise<void>;

export interface TenantRegistry {
  /** Tenants from the last successful load; loads (or refreshes, when stale or rotation is due) first. */
  list(): Promise<Tenant[]>;
  /** One tenant, or TenantAccessError tenant_unavailable: never another tenant, never a default. */
  get(tenantId: string): Promise<Tenant>;
  /** Re-reads the source now (the background refresh); failures keep the last valid list. */
  refresh(): Promise<void>;
  /** Forces one re-read (token endpoint said invalid_client); the tenant if its credentials changed. */
  refreshCredentials(tenantId: string): Promise<Tenant | undefined>;
  /** Called when a tenant's cached tokens must go: rotation, a changed secret, removal. */
  onCredentialsChanged(listener: CredentialsChangedListener): () => void;
  status(): RegistryStatus;
}

export interface TenantRegistryOptions {
  source: TenantSource;
  refreshIntervalMs: number;
  logger: RegistryLogger;
  now?: () => number;
  breaker?: { failureThreshold: number; halfOpenAfterMs: number };
}

const RETRY_AFTER_FAILURE_MS = 30_000;

const sameCredentials = (a: Tenant, b: Tenant) => a.clientId === b.clientId && a.clientSecret === b.clientSecret;

/**
 * Holds the last valid tenant list. A failed refresh keeps serving it (stale but valid), is
 * logged, and counts toward a circuit breaker; concurrent callers share one load. Credential
 * changes and rotation deadlines notify listeners so cached tokens are evicted at once.
 */
export function createTenantRegistry(options: TenantRegistryOptions): TenantRegistry {
  const { source, refreshIntervalMs, logger, now = Date.now } = options;
  // Half-open no later than the next refresh: a recovered source is read again on schedule.
  const guarded = withCircuitBreaker(
    source,
    options.breaker ?? { failureThreshold: 3, halfOpenAfterMs: Math.min(30_000, refreshIntervalMs) },
  );
  const listeners = new Set<CredentialsChangedListener>();
  const rotatedAt = new Map<string, number>();
  let tenants: Map<string, Tenant> | undefined;
  let loadedAt: number | undefined;
  // With a list to serve, a failed refresh is retried after the interval or 30 s, whichever is
  // shorter: not once per request (and one warning each) while the source is down, and not a
  // whole day later when the interval is a day.
  let failedAt: number | undefined;
  let lastError: RegistryStatus['lastError'];
  let problems: TenantProblem[] = [];
  let inFlight: Promise<void> | undefined;

  // Evictions finish before the caller that triggered the reload gets its answer, so no
  // request goes out with a token issued under replaced credentials.
  let pendingEvictions: Array<Promise<void>> = [];
  const notify = (tenantId: string, reason: Parameters<CredentialsChangedListener>[1]) => {
    logger.info({ tenantId, reason }, 'tenant credentials changed; evicting tokens');
    for (const listener of listeners) pendingEvictions.push(Promise.resolve(listener(tenantId, reason)));
  };
  async function settleEvictions(): Promise<void> {
    const pending = pendingEvictions;
    pendingEvictions = [];
    await Promise.allSettled(pending);
  }

  function apply(next: Tenant[]): void {
    const previous = tenants;
    tenants = new Map(next.map((t) => [t.tenantId, t]));
    for (const [id, old] of previous ?? []) {
      const fresh = tenants.get(id);
      if (!fresh) notify(id, 'removed');
      else if (!sameCredentials(old, fresh)) notify(id, 'secret-changed');
    }
    for (const id of tenants.keys()) if (!rotatedAt.has(id)) rotatedAt.set(id, now());
  }

  async function load(): Promise<void> {
    try {
      const result = await guarded.load();
      apply(result.tenants);
      problems = result.problems;
      loadedAt = now();
      failedAt = undefined;
      lastError = undefined;
      for (const problem of result.problems) logger.warn({ source: source.kind, ...problem }, 'tenant entry skipped');
    } catch (error) {
      const message =
        error instanceof BrokenCircuitError
          ? 'tenant source circuit open after repeated failures'
          : error instanceof Error
            ? error.message
            : 'unknown error';
      lastError = { message, at: now() };
      failedAt = now();
      logger.warn({ source: source.kind, err: message, stale: tenants !== undefined }, 'tenant source failed');
      if (tenants === undefined)
        throw new TenantAccessError('*', 'tenant_unavailable', `Tenant list unavailable: ${message}`);
    }
  }

  function reload(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function dueRotations(): string[] {
    const due: string[] = [];
    for (const tenant of tenants?.values() ?? []) {
      const interval = tenant.rotationIntervalMs;
      if (interval && now() - (rotatedAt.get(tenant.tenantId) ?? 0) >= interval) due.push(tenant.tenantId);
    }
    return due;
  }

  async function ensureFresh(force = false): Promise<void> {
    const stale =
      failedAt !== undefined
        ? now() - failedAt >= Math.min(refreshIntervalMs, RETRY_AFTER_FAILURE_MS)
        : loadedAt === undefined || now() - loadedAt >= refreshIntervalMs;
    const rotating = dueRotations();
    if (force || tenants === undefined || stale || rotating.length > 0) await reload();
    for (const id of rotating) {
      rotatedAt.set(id, now());
      if (tenants?.has(id)) notify(id, 'rotated');
    }
    await settleEvictions();
  }

  return {
    async list() {
      await ensureFresh();
      return [...(tenants?.values() ?? [])];
    },
    async get(tenantId) {
      await ensureFresh();
      const tenant = tenants?.get(tenantId);
      if (!tenant) throw new TenantAccessError(tenantId, 'tenant_unavailable', `Tenant ${tenantId} is not configured`);
      return tenant;
    },
    refresh: () => ensureFresh(true),
    async refreshCredentials(tenantId) {
      const before = tenants?.get(tenantId);
      await reload();
      await settleEvictions();
      const after = tenants?.get(tenantId);
      return after && (!before || !sameCredentials(before, after)) ? after : undefined;
    },
    onCredentialsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status() {
      const rotationDueAt: Record<string, number> = {};
      for (const tenant of tenants?.values() ?? []) {
        if (tenant.rotationIntervalMs) {
          rotationDueAt[tenant.tenantId] = (rotatedAt.get(tenant.tenantId) ?? 0) + tenant.rotationIntervalMs;
        }
      }
      return {
        source: source.kind,
        sourceDescription: source.describe,
        loadedAt,
        lastError,
        problems,
        tenantCount: tenants?.size ?? 0,
        breaker: guarded.state(),
        rotationDueAt,
      };
    },
  };
}
