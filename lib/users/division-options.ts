import 'server-only';
import { paginateEntities, type CallOptions, type GenesysClient, type TenantConnection } from '../genesys';
import { toFailure } from '../http/to-failure';
import { getGenesysRuntime } from '../tenants';
import type { DivisionList, DivisionOption } from './user-row';

/** More than any org is expected to have; a runaway listing stops here instead of paging on. */
const MAX_DIVISIONS = 1000;

/** The tenant's divisions for the users filter, by name (one request for up to 100 divisions). */
export async function listDivisionOptions(
  client: GenesysClient,
  connection: TenantConnection,
  options: CallOptions,
): Promise<DivisionOption[]> {
  const divisions: DivisionOption[] = [];
  for await (const { id, name } of paginateEntities(client, connection, 'authorization.divisions', {}, options)) {
    divisions.push({ id, name });
    if (divisions.length >= MAX_DIVISIONS) break;
  }
  return divisions.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** The page's divisions filter: a failure leaves the table usable and says why the filter is off. */
export async function loadDivisionList(tenantId: string, requestId: string): Promise<DivisionList> {
  try {
    const genesys = getGenesysRuntime();
    const connection = await genesys.connectionFor(tenantId);
    return { ok: true, divisions: await listDivisionOptions(genesys.client, connection, { requestId }) };
  } catch (error) {
    const { message, missingPermissions } = toFailure(error, requestId);
    const missing = missingPermissions ? ` (missing ${missingPermissions.join(', ')})` : '';
    return { ok: false, message: `Divisions could not be listed: ${message}${missing}` };
  }
}
