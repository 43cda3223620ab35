import 'server-only';
import { unstable_cache } from 'next/cache';
import { tenantRootTag, tenantTag } from '../tenant-tags';
import { loadOrganization } from './organization';
import type { DashboardSource } from './source';
import type { OrganizationSummary } from './types';

/** Long enough to spare Genesys a read per dashboard view, short enough for edits made outside the portal. */
export const ORGANIZATION_CACHE_SECONDS = 300;

/**
 * The organization card through Next's data cache (shared by every instance when Redis is
 * configured, see next-cache/). It is the one dashboard read worth caching: it changes only when
 * someone edits the organization, and every portal edit of it (org fields, features) and every
 * switch into the tenant expires the tag on all instances at once. The key and both tags carry
 * the tenant id, so no other tenant's entry can be served or purged.
 */
export function loadCachedOrganization(source: DashboardSource): Promise<OrganizationSummary> {
  const { tenantId } = source;
  const read = unstable_cache(
    // The tenant id is an argument, so it is part of the key as well as of keyParts.
    async (_tenantId: string) => loadOrganization(source),
    ['dashboard-organization', tenantId],
    { tags: [tenantRootTag(tenantId), tenantTag(tenantId, 'organization')], revalidate: ORGANIZATION_CACHE_SECONDS },
  );
  return read(tenantId);
}
