// OAuth clients of the tenant's org. Requires oauth:client:view; secrets never come through.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';
import type { OAuthClient } from './schemas/oauth-client';

/** GET /oauth/clients has no paging parameters: one answer holds every client. */
export async function listOAuthClients(
  client: GenesysClient,
  tenant: TenantConnection,
  options?: CallOptions,
): Promise<OAuthClient[]> {
  const listing = await client.request(tenant, 'oauth.clients', options);
  return listing.entities;
}
