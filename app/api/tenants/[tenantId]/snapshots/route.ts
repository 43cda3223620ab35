import { z } from 'zod';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { createSnapshot, listTenantSnapshots } from '@/lib/snapshots/create-snapshot';

export const GET = withTenantRoute({ capability: 'users.export' }, ({ tenant, request }) => {
  z.strictObject({}).parse(Object.fromEntries(new URL(request.url).searchParams));
  return listTenantSnapshots(tenant.tenantId);
});

// One snapshot per tenant at a time (409 snapshot_in_progress); the page polls GET for the progress.
export const POST = withTenantRoute({ capability: 'users.export', write: true }, createSnapshot);
