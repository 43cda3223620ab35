import 'server-only';
import { getEnv } from './env';
import { getTenantRegistry, type TenantRegistry } from './tenants';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'failing';
  mode: 'configured' | 'embedded-demo';
  uptimeSeconds: number;
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
export async function getHealthReport(): Promise<HealthReport> {
  const mode = getEnv().PORTAL_MODE;
  let registry: TenantRegistry;
  try {
    registry = getTenantRegistry();
  } catch (error) {
    const message = error instanceof Error ? error.message : 'tenant registry unavailable';
    return {
      status: 'failing',
      mode,
      uptimeSeconds: Math.round(process.uptime()),
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
  const degraded = status.lastError !== undefined || status.problems.length > 0;
  return {
    status: loadFailed ? 'failing' : degraded ? 'degraded' : 'ok',
    mode,
    uptimeSeconds: Math.round(process.uptime()),
    tenants: {
      source: status.source,
      count: status.tenantCount,
      loadedAt: status.loadedAt ? new Date(status.loadedAt).toISOString() : null,
      skippedEntries: status.problems.length,
      lastError: status.lastError?.message ?? null,
    },
  };
}
