import 'server-only';
import { countUsers } from '../dashboard/user-counts';
import type { CallOptions, GenesysClient } from '../genesys/client';
import { GenesysContractError } from '../genesys/errors';
import { probePortalFeatures } from '../genesys/permission-probe';
import type { TenantConnection, TokenProvider } from '../genesys/ports';
import type { TenantUsage } from '../genesys-runtime';
import { toFailure } from '../http/to-failure';
import type { TenantHealth } from '../tenants/health';
import { permissionCacheKey, toPermissionReport } from './permission-report';
import { checkToken, tokenFailure } from './token-status';
import type { TtlCache } from './ttl-cache';
import type { BudgetUse, Field, PermissionReport, TenantOverview, TokenStatus } from './types';

/** The slice of the GenesysRuntime the overview reads. */
export interface OverviewSources {
  client: GenesysClient;
  tokenProvider: TokenProvider;
  healthOf(tenantId: string): TenantHealth;
  usageOf(tenantId: string, minutes: number): Promise<TenantUsage>;
}

export interface OverviewLimits {
  /** Longest wait for a token: a tenant whose token endpoint hangs answers "failing" by then. */
  tokenWaitMs: number;
  /** Deadline of one upstream call, retries included. */
  callTimeoutMs: number;
  /** Longest sleep for the tenant's rate budget; beyond it the part says "rate limited". */
  maxWaitMs: number;
  /** All permission probes together (they run one after another). */
  probeBudgetMs: number;
}

export const OVERVIEW_LIMITS: OverviewLimits = {
  tokenWaitMs: 4_000,
  callTimeoutMs: 5_000,
  maxWaitMs: 2_000,
  probeBudgetMs: 12_000,
};

export interface OverviewOptions {
  requestId: string;
  /** The portal request's signal: a closed tab stops this row's work (not a shared probe). */
  signal?: AbortSignal;
  permissionCache: TtlCache<PermissionReport>;
  now?: () => number;
  limits?: Partial<OverviewLimits>;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * One tenant's overview. Never throws for a tenant problem: each part (token, permissions,
 * user count, budget) reports its own state. Upstream calls go through the governed client, so
 * they are paced within the tenant's rate budget; if the token fails, the other calls are not
 * made at all (they would fail the same way) and the row answers at once.
 */
export async function loadTenantOverview(
  sources: OverviewSources,
  connection: TenantConnection,
  options: OverviewOptions,
): Promise<TenantOverview> {
  const { requestId, signal } = options;
  const now = options.now ?? Date.now;
  const limits = { ...OVERVIEW_LIMITS, ...options.limits };
  const { tenantId } = connection;
  const call = { requestId, signal, timeoutMs: limits.callTimeoutMs, maxWaitMs: limits.maxWaitMs };

  const settle = async <T>(work: () => Promise<T>): Promise<Settled<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ok: false, error };
    }
  };

  let token: TokenStatus = await checkToken(sources.tokenProvider, connection, { waitMs: limits.tokenWaitMs, signal });
  let users: Field<{ total: number }> = { state: 'skipped', reason: 'token' };
  let permissions: Field<PermissionReport> = { state: 'skipped', reason: 'token' };
  if (token.state === 'ok') {
    // The user count first: one call that also tells whether the (possibly cached) token still
    // works, so a dead client does not cost ten failing probes on top.
    const counted = await settle(() => countActiveUsers(sources.client, connection, call));
    users = toField(counted, requestId);
    const late = counted.ok ? undefined : tokenFailure(counted.error);
    if (late) token = late;
    else
      permissions = toField(
        await settle(() => permissionsOf(sources.client, connection, options, limits, now)),
        requestId,
      );
  }
  // After the calls above, so the budget shown includes what this row just spent.
  const budget = toField(await settle(() => budgetUse(sources, tenantId)), requestId);

  return {
    tenantId,
    checkedAt: now(),
    requestId,
    token,
    permissions,
    users,
    budget,
    lastError: sources.healthOf(tenantId).lastError,
  };
}

/** Shared and cached per tenant and client: not tied to this request's signal. */
function permissionsOf(
  client: GenesysClient,
  connection: TenantConnection,
  { requestId, signal, permissionCache }: OverviewOptions,
  limits: OverviewLimits,
  now: () => number,
): Promise<PermissionReport> {
  const probe = async () => {
    const checkedAt = now();
    const features = await probePortalFeatures(client, connection, {
      requestId,
      now: checkedAt,
      timeoutMs: limits.callTimeoutMs,
      maxWaitMs: limits.maxWaitMs,
      signal: AbortSignal.timeout(limits.probeBudgetMs),
    });
    return toPermissionReport(features, checkedAt);
  };
  return permissionCache.get(permissionCacheKey(connection.tenantId, connection.clientId), probe, signal);
}

/** The cheapest total there is: the dashboard's one-user page, for active users only. */
async function countActiveUsers(client: GenesysClient, connection: TenantConnection, call: CallOptions) {
  const total = await countUsers(client, connection, 'active', call);
  if (total === null) throw new GenesysContractError('users.list', ['total: missing']);
  return { total };
}

async function budgetUse(sources: OverviewSources, tenantId: string): Promise<BudgetUse> {
  const usage = await sources.usageOf(tenantId, 1);
  return {
    requests: usage.buckets.reduce((sum, bucket) => sum + bucket.requests, 0),
    throttled: usage.buckets.reduce((sum, bucket) => sum + bucket.throttled, 0),
    limitPerMinute: usage.limitPerMinute,
    windowSeconds: (usage.buckets.length * usage.bucketMs) / 1000,
  };
}

/**
 * An error as the portal maps it everywhere else (same codes and messages as a failed route),
 * without the request id: the row carries it once for all its parts.
 */
function toField<T>(settled: Settled<T>, requestId: string): Field<T> {
  if (settled.ok) return { state: 'ok', value: settled.value };
  const { requestId: _sameForTheRow, ...failure } = toFailure(settled.error, requestId);
  return { state: 'error', ...failure };
}
