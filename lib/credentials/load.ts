import 'server-only';
import type { PortalUser } from '../auth/types';
import { TenantAccessError } from '../genesys/errors';
import { listGrantedTenants } from '../http/tenant-access';
import { getGenesysRuntime, type Tenant } from '../tenants';
import { withoutDirectories } from './format';
import { buildCredentialsOverview } from './overview';
import type { CredentialsOverview } from './types';

/**
 * The credentials page for this user: the tenants granted to them. When no tenant list
 * can be had at all, the overview is empty and `tenantListError` says why (without the source's
 * directories); the source status (breaker, last error) is still there to show.
 */
export async function loadCredentialsOverview(
  user: PortalUser,
): Promise<{ overview: CredentialsOverview; tenantListError: string | null }> {
  const runtime = getGenesysRuntime();
  let tenants: Tenant[] = [];
  let tenantListError: string | null = null;
  try {
    tenants = await listGrantedTenants(user);
  } catch (error) {
    if (!(error instanceof TenantAccessError)) throw error;
    tenantListError = withoutDirectories(error.message, runtime.registry.status());
  }
  const overview = buildCredentialsOverview(runtime, tenants, {
    now: Date.now(),
    seesEveryTenant: user.grants.all === true,
  });
  return { overview, tenantListError };
}
