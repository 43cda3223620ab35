import 'server-only';
import { toFailure } from '../http/to-failure';
import { getGenesysRuntime } from '../tenants';
import { listDivisions } from './list-divisions';
import type { DivisionList } from './user-row';

/** The page's divisions filter: a failure leaves the table usable and says why the filter is off. */
export async function loadDivisionList(tenantId: string, requestId: string): Promise<DivisionList> {
  try {
    const genesys = getGenesysRuntime();
    const connection = await genesys.connectionFor(tenantId);
    return { ok: true, divisions: await listDivisions(genesys.client, connection, { requestId }) };
  } catch (error) {
    const { message, missingPermissions } = toFailure(error, requestId);
    const missing = missingPermissions ? ` (missing ${missingPermissions.join(', ')})` : '';
    return { ok: false, message: `Divisions could not be listed: ${message}${missing}` };
  }
}
