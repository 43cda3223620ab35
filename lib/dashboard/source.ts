import 'server-only';
import type { GenesysRuntime } from '../genesys-runtime';
import type { CallOptions, TenantConnection } from '../genesys';

/**
 * What every dashboard loader needs: the runtime (injected, so tests pass one built against the
 * emulator), the tenant and the request id that tags each upstream call.
 *
 * Nothing here is cached. The dashboard is live admin data read a handful of calls at a time
 * (about ten per view, far below 300/min), and an uncached read can never serve one tenant's
 * numbers to another; a cache would have to be keyed and tagged per tenant (lib/tenant-tags.ts)
 * to be considered at all.
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
