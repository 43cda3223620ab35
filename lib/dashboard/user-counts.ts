import 'server-only';
import { listUsers, type CallOptions, type GenesysClient, type TenantConnection } from '../genesys';
import { connect, type DashboardSource } from './source';
import { USER_STATES, type UserState, type UserStateCounts } from './types';

/**
 * The users of one state from one one-user page (GET /users?state=…&pageSize=1), reading only
 * `total` (with pageSize 1, `pageCount` is the total too): one request whatever the org's size,
 * never a walk through 20 000 users. Null when Genesys answered with neither.
 */
export async function countUsers(
  client: GenesysClient,
  connection: TenantConnection,
  state: UserState,
  call: CallOptions,
): Promise<number | null> {
  const page = await listUsers(client, connection, { state, pageSize: 1 }, call);
  return page.total ?? page.pageCount ?? null;
}

/** Users per state: three requests, one per state. */
export async function loadUserCounts(source: DashboardSource): Promise<UserStateCounts> {
  const [connection, options] = await connect(source);
  const totals = await Promise.all(
    USER_STATES.map(async (state) => [state, await countUsers(source.genesys.client, connection, state, options)]),
  );
  return Object.fromEntries(totals) as UserStateCounts;
}
