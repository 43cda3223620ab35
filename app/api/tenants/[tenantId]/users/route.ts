import { z } from 'zod';
import { listUsers } from '@/lib/genesys';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

const querySchema = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  pageNumber: z.coerce.number().int().min(1).max(10_000).default(1),
  sortOrder: z.enum(['ascending', 'descending']).default('ascending'),
  state: z.enum(['active', 'inactive', 'deleted', 'any']).default('active'),
});

export const GET = withTenantRoute({ capability: 'users.view' }, ({ genesys, connection, requestId, request }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listUsers(genesys.client, connection, { ...query, expand: ['authorization', 'dateLastLogin'] }, { requestId });
});
