import { listOAuthClients } from '@/lib/genesys';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId }) =>
  listOAuthClients(genesys.client, connection, { requestId }),
);
