import 'server-only';
import { listOAuthClients } from '../genesys';
import { connect, type DashboardSource } from './source';
import type { OAuthClientSummary } from './types';

/** Every OAuth client of the org (the API has no paging here): names, grant types and states only. */
export async function loadOAuthClients(source: DashboardSource): Promise<OAuthClientSummary> {
  const [connection, options] = await connect(source);
  const clients = await listOAuthClients(source.genesys.client, connection, options);
  return {
    total: clients.length,
    clients: clients
      .map((c) => ({ name: c.name, grantType: c.authorizedGrantType, state: c.state ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  };
}
