import 'server-only';
import { listDivisions, listRoles } from '../genesys';
import { connect, type DashboardSource } from './source';
import type { DirectoryCounts } from './types';

/** Division and role counts from the listings' `total` (one-entry pages). */
export async function loadDirectoryCounts(source: DashboardSource): Promise<DirectoryCounts> {
  const [connection, options] = await connect(source);
  const { client } = source.genesys;
  const [divisions, roles] = await Promise.all([
    listDivisions(client, connection, { pageSize: 1 }, options),
    listRoles(client, connection, { pageSize: 1 }, options),
  ]);
  return { divisions: divisions.total ?? null, roles: roles.total ?? null };
}
