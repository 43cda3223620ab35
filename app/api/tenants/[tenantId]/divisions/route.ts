import { listDivisions } from '@/lib/genesys';
import { pageQuerySchema } from '@/lib/http/page-query';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId, request }) =>
  listDivisions(
    genesys.client,
    connection,
    pageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
    {
      requestId,
    },
  ),
);
