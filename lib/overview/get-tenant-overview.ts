import 'server-only';
import type { GenesysRuntime } from '../genesys-runtime';
import { ApiError } from '../http/api-error';
import type { TenantRouteContext } from '../http/with-tenant-route';
import { loadTenantOverview } from './load-overview';
import { permissionReportTtl } from './permission-report';
import { createTtlCache, type TtlCache } from './ttl-cache';
import type { PermissionReport, TenantOverview } from './types';

// One permission cache per runtime (per process in production; a fresh runtime in tests starts
// empty). Permissions change rarely and a full probe costs ten upstream calls.
const caches = new WeakMap<GenesysRuntime, TtlCache<PermissionReport>>();

function permissionCacheOf(genesys: GenesysRuntime): TtlCache<PermissionReport> {
  let cache = caches.get(genesys);
  if (!cache) caches.set(genesys, (cache = createTtlCache({ now: Date.now, ttlMs: permissionReportTtl })));
  return cache;
}

/** The overview route's work, for the tenant withTenantRoute has already checked. */
export async function getTenantOverview({
  genesys,
  connection,
  requestId,
  request,
}: Pick<TenantRouteContext, 'genesys' | 'connection' | 'requestId' | 'request'>): Promise<TenantOverview> {
  try {
    return await loadTenantOverview(genesys, connection, {
      requestId,
      signal: request.signal,
      permissionCache: permissionCacheOf(genesys),
    });
  } catch (error) {
    // The browser went away (refresh, tenant switch, closed tab): the grid aborts rows all the
    // time, and that is not a server error (499, logged as a warning, not a 500).
    if (request.signal.aborted) throw new ApiError(499, 'client_closed_request', 'The request was cancelled.');
    throw error;
  }
}
