import 'server-only';
import { listUsers } from '../genesys';
import { connect, type DashboardSource } from './source';
import { USER_STATES, type UserStateCounts } from './types';

/**
 * Users per state from three one-user pages (GET /users?state=…&pageSize=1), reading only
 * `total`: three requests whatever the org's size, never a walk through 20 000 users.
 */
export async function loadUserCounts(source: DashboardSource): Promise<UserStateCounts> {
  const [connection, options] = await connect(source);
  const totals = await Promise.all(
    USER_STATES.map(async (state) => {
      const page = await listUsers(source.genesys.client, connection, { state, pageSize: 1 }, options);
      return [state, page.total ?? null] as const;
    }),
  );
  return Object.fromEntries(totals) as UserStateCounts;
}
