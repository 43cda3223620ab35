/**
 * Wires the framework-free Genesys core to this server: the tenant registry (file or config
 * service), shared stores (Redis when REDIS_URL is set, memory otherwise), the token provider,
 * the rate governor, the client, and per-tenant health. One runtime per process.
 *
 * No `server-only` import here: the operator CLI (`npm run tenants`) runs this under plain
 * Node. Nothing in it reaches the browser: components may not import it (lint).
 */
import { createGenesysClient, createRateGovernor, createTokenProvider } from './genesys';
import type { FetchLike, GenesysClient, GenesysLogger, TenantConnection, TokenProvider } from './genesys';
import type { Env } from './env';
import { createSourceFromEnv } from './tenants/source-from-env';
import { toConnection } from './tenants/connection';
import { createTenantHealthStore, type TenantHealth, type TenantHealthStore } from './tenants/health';
import { createTenantRegistry, type RegistryLogger, type TenantRegistry } from './tenants/registry';
import { createUpstreamStores, USAGE_BUCKET_MS, type UpstreamStores, type UsageBucket } from './upstream';
import { withUsageMeter } from './upstream/metered-governor';
import { systemClock } from './upstream/system-clock';

export interface GenesysRuntime {
  registry: TenantRegistry;
  client: GenesysClient;
  tokenProvider: TokenProvider;
  health: TenantHealthStore;
  stores: UpstreamStores['kind'];
  /** The tenant's connection, or TenantAccessError: never another tenant's credentials. */
  connectionFor(tenantId: string): Promise<TenantConnection>;
  healthOf(tenantId: string): TenantHealth;
  /** Upstream requests and 429s in 10 s buckets over the last `minutes` (oldest first). */
  usageOf(tenantId: string, minutes: number): Promise<TenantUsage>;
  /**
   * Re-reads the tenant list on the refresh interval in the background (rotation deadlines and
   * secret changes are acted on without waiting for a request). Unref'd: never keeps a process up.
   */
  startBackgroundRefresh(): void;
  close(): Promise<void>;
}

export interface TenantUsage {
  tenantId: string;
  limitPerMinute: number;
  bucketMs: number;
  buckets: UsageBucket[];
}

export interface GenesysRuntimeOptions {
  env: Env;
  logger: GenesysLogger & RegistryLogger;
  fetch?: FetchLike;
}

export function createGenesysRuntime({ env, logger, fetch = globalThis.fetch }: GenesysRuntimeOptions): GenesysRuntime {
  const gatewayUrl = env.GENESYS_GATEWAY_URL ? new URL(env.GENESYS_GATEWAY_URL) : undefined;
  const registry = createTenantRegistry({
    source: createSourceFromEnv(env),
    refreshIntervalMs: env.CONFIG_REFRESH_INTERVAL_MS,
    logger,
  });
  const stores = createUpstreamStores({ redisUrl: env.REDIS_URL, log: logger });
  const health = createTenantHealthStore();
  const tokenProvider = createTokenProvider({
    fetch,
    clock: systemClock,
    logger,
    cache: stores.cache,
    lock: stores.lock,
    gatewayUrl,
    health: health.recorder,
    refreshCredentials: async (tenantId) => {
      const fresh = await registry.refreshCredentials(tenantId);
      return fresh ? toConnection(fresh) : undefined;
    },
  });
  // A rotated or changed secret must not keep a token issued under the old one alive.
  registry.onCredentialsChanged((tenantId) =>
    tokenProvider.invalidate(tenantId).catch((error: unknown) => {
      logger.warn({ tenantId, err: error instanceof Error ? error.message : 'unknown' }, 'token eviction failed');
    }),
  );
  const governor = withUsageMeter(
    createRateGovernor({ clock: systemClock, store: stores.rateStore }),
    stores.usage,
    systemClock,
  );
  const client = createGenesysClient({
    fetch,
    clock: systemClock,
    logger,
    tokenProvider,
    governor,
    gatewayUrl,
    defaults: { maxAttempts: 4, timeoutMs: 30_000, maxWaitMs: 10_000 },
  });

  let refreshTimer: ReturnType<typeof setInterval> | undefined;

  return {
    registry,
    client,
    tokenProvider,
    health,
    stores: stores.kind,
    connectionFor: async (tenantId) => toConnection(await registry.get(tenantId)),
    healthOf: (tenantId) => health.snapshot(tenantId, registry.status()),
    async usageOf(tenantId, minutes) {
      const tenant = await registry.get(tenantId);
      const count = Math.max(1, Math.round((minutes * 60_000) / USAGE_BUCKET_MS));
      const buckets = await stores.usage.recent(tenantId, systemClock.now(), count);
      return { tenantId, limitPerMinute: tenant.rateLimitPerMinute, bucketMs: USAGE_BUCKET_MS, buckets };
    },
    startBackgroundRefresh() {
      refreshTimer ??= setInterval(() => {
        registry.refresh().catch(() => undefined); // failures are logged and kept in status()
      }, env.CONFIG_REFRESH_INTERVAL_MS);
      refreshTimer.unref();
    },
    close: () => {
      clearInterval(refreshTimer);
      return stores.close();
    },
  };
}
