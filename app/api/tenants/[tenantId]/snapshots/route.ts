import { z } from 'zod';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { getSnapshotStore } from '@/lib/snapshots/get-store';
import { listSnapshots } from '@/lib/snapshots/snapshots';
import { takeSnapshot } from '@/lib/snapshots/take-snapshot';
import { userFilterSchema } from '@/lib/users/user-view';

export const GET = withTenantRoute({ capability: 'users.export' }, ({ tenant, request }) => {
  z.strictObject({}).parse(Object.fromEntries(new URL(request.url).searchParams));
  return listSnapshots(getSnapshotStore(), tenant.tenantId);
});

// Takes the whole filtered list before answering; the page polls GET for the progress meanwhile.
export const POST = withTenantRoute({ capability: 'users.export', write: true }, async (context) => {
  const { genesys, connection, tenant, user, requestId, request } = context;
  const filter = await readJsonBody(request, userFilterSchema);
  return auditedChange(context, {
    action: 'snapshot.create',
    before: undefined,
    run: () =>
      takeSnapshot({
        client: genesys.client,
        connection,
        store: getSnapshotStore(),
        tenantId: tenant.tenantId,
        createdBy: user.email,
        filter,
        requestId,
      }),
    after: (snapshot) => ({ snapshotId: snapshot.id, total: snapshot.total, filter }),
  });
});
