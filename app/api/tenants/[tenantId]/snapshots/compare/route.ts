import { z } from 'zod';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { MAX_COMPARE_LIMIT } from '@/lib/snapshots/compare';
import { getSnapshotStore } from '@/lib/snapshots/get-store';
import { compareStoredSnapshots } from '@/lib/snapshots/snapshots';
import { snapshotIdSchema } from '@/lib/snapshots/types';

const querySchema = z.strictObject({
  from: snapshotIdSchema,
  to: snapshotIdSchema,
  limit: z.coerce.number().int().min(1).max(MAX_COMPARE_LIMIT).optional(),
});

export const GET = withTenantRoute({ capability: 'users.export' }, ({ tenant, request }) => {
  const { from, to, limit } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return compareStoredSnapshots(getSnapshotStore(), tenant.tenantId, { from, to }, limit);
});
