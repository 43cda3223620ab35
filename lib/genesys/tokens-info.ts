// GET /api/v2/tokens/me: which org (and client) the tenant's token really belongs to. The
// binding check compares `organization.id` with the tenant's configured org id.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';
import type { TokenInfo } from './schemas/oauth-client';

export function getTokenInfo(
  client: GenesysClient,
  tenant: TenantConnection,
  options?: CallOptions,
): Promise<TokenInfo> {
  return client.request(tenant, 'tokens.me', options);
}
