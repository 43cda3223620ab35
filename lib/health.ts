import 'server-only';
import { getEnv } from './env';
import { getRedis } from './redis';
import { getTenantRegistry, type TenantRegistry } from './tenants';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'failing';
  mode: 'configured' | 'embedded-demo';
  uptimeSeconds: number;
  /** Shared state (sessions, tokens, rate budget, audit): while it is unreachable requests answer 503. */
  redis: 'not-configured' | 'ok' | 'unreachable';
  tenants: {
    source: string;
    count: number;
    loadedAt: string | null;
    skippedEntries: number;
    lastError: string | null;
  };
}

/**
 * ok: tenants loaded and the source answers; degraded: serving a stale list or skipping bad
 * entries; failing: no tenant list at all. Never includes credentials.
 */
const REDIS_PING_DEADLINE_MS = 1_000;

async function redisStatus(url: string | undefined): Promise<HealthReport['redis']> {
  if (!url) return 'not-configured';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), REDIS_PING_DEADLINE_MS)));
  try {
    const answer = await Promise.race([getRedis(url).ping(), late]);
    return answer === 'PONG' ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Redis unreachable is `degraded`, not `failing`: it hits every instance alike, and an instance a
 * balancer keeps answers users with a clear 503 and recovers by itself when Redis returns.
 */
export async function getHealthReport(): Promise<HealthReport> {
  const env = getEnv();
  const mode = env.PORTAL_MODE;
  const redis = await redisStatus(env.REDIS_URL);
  let registry: TenantRegistry;
  try {
    registry = getTenantRegistry();
  } catch (error) {
    const message = error instanceof Error ? error.message : 'tenant registry unavailable';
    return {
      status: 'failing',
      mode,
      uptimeSeconds: Math.round(process.uptime()),
      redis,
      tenants: { source: 'none', count: 0, loadedAt: null, skippedEntries: 0, lastError: message },
    };
  }
  let loadFailed = false;
  try {
    await registry.list();
  } catch {
    loadFailed = true;
  }
  const status = registry.status();
  const degraded = status.lastError !== undefined || status.problems.length > 0 || redis === 'unreachable';
  return {
    status: loadFailed ? 'failing' : degraded ? 'degraded' : 'ok',
    mode,
    uptimeSeconds: Math.round(process.uptime()),
    redis,
    tenants: {
      source: status.source,
      count: status.tenantCount,
      loadedAt: status.loadedAt ? new Date(status.loadedAt).toISOString() : null,
      skippedEntries: status.problems.length,
      lastError: status.lastError?.message ?? null,
    },
  };
}
