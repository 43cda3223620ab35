import { z } from 'zod';
import { searchUsers } from '@/lib/genesys';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

const bodySchema = z.strictObject({
  text: z.string().trim().min(1).max(200),
  pageSize: z.number().int().min(1).max(100).default(25),
  pageNumber: z.number().int().min(1).max(1000).default(1),
});

// A read-only POST (search criteria do not fit a query string); no upstream change.
export const POST = withTenantRoute(
  { capability: 'users.view' },
  async ({ genesys, connection, requestId, request }) => {
    const { text, pageSize, pageNumber } = await readJsonBody(request, bodySchema);
    const query = [{ type: 'CONTAINS' as const, fields: ['name', 'email', 'username'], value: text }];
    return searchUsers(genesys.client, connection, { pageSize, pageNumber, query }, { requestId });
  },
);
