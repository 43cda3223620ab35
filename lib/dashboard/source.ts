import 'server-only';
import type { GenesysRuntime } from '../genesys-runtime';
import type { CallOptions, TenantConnection } from '../genesys';

/**
 * What every dashboard loader needs: the runtime (injected, so tests pass one built against the
 * emulator), the tenant and the request id that tags each upstream call.
 *
 * Live admin data is read uncached, a handful of calls per view (about ten, far below 300/min).
 * The one exception is the organization card (cached-organization.ts), keyed and tagged per
 * tenant (lib/tenant-tags.ts) and expired by every portal edit of the organization.
 */
export interface DashboardSource {
  genesys: Pick<GenesysRuntime, 'client' | 'connectionFor' | 'healthOf'>;
  tenantId: string;
  requestId: string;
}

export async function connect(source: DashboardSource): Promise<[TenantConnection, CallOptions]> {
  return [await source.genesys.connectionFor(source.tenantId), { requestId: source.requestId }];
}

/** The log context of a section: names only, never the runtime the source carries. */
export const sectionOf = (section: string, { tenantId, requestId }: DashboardSource) => ({
  section,
  tenantId,
  requestId,
});
