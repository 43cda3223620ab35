/**
 * The tenant's divisions, listed once: the users filter offers them and the export names a
 * division reference that came without its name. No `server-only`: the export's bench runs it.
 */
import type { CallOptions, GenesysClient } from '../genesys/client';
import { paginateEntities } from '../genesys/paginate';
import type { TenantConnection } from '../genesys/ports';
import { nextWithRetry, type RetryNextOptions } from './retry-next';
import type { DivisionOption } from './user-row';

/** More than any org is expected to have; a runaway listing stops here instead of paging on. */
export const MAX_DIVISIONS = 1000;

/**
 * Every division (up to MAX_DIVISIONS), by name. With `retry`, a page refused with a 429 or a
 * transient failure is asked again (nextWithRetry) instead of failing the whole listing.
 */
export async function listDivisions(
  client: GenesysClient,
  tenant: TenantConnection,
  call: CallOptions,
  retry?: RetryNextOptions,
): Promise<DivisionOption[]> {
  const pages = paginateEntities(client, tenant, 'authorization.divisions', { pageSize: 100 }, call);
  const next = () => (retry ? nextWithRetry(pages, retry) : pages.next());
  const divisions: DivisionOption[] = [];
  for (let item = await next(); !item.done; item = await next()) {
    divisions.push({ id: item.value.id, name: item.value.name });
    if (divisions.length >= MAX_DIVISIONS) break;
  }
  return divisions.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
