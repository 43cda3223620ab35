import { getOrganization, organizationUpdateSchema, updateOrganization } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { withCurrentOnConflict } from '@/lib/http/conflict';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { completeOrgUpdate } from '@/lib/org-settings/organization';
import { revalidateTenantData } from '@/lib/org-settings/server';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId }) =>
  getOrganization(genesys.client, connection, { requestId }),
);

// PUT carries the version the editor started from; a stale one is a 409 with the current org.
// Sent whole (completeOrgUpdate): an omitted field is never left to Genesys' UNVERIFIED merge.
export const PUT = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request, tenant } = context;
  const body = await readJsonBody(request, organizationUpdateSchema);
  const read = () => getOrganization(genesys.client, connection, { requestId });
  const before = await read();
  const update = completeOrgUpdate(body, before);
  const run = () =>
    withCurrentOnConflict(() => updateOrganization(genesys.client, connection, update, { requestId }), read);
  const org = await auditedChange(context, { action: 'org.update', before, run, after: (saved) => saved });
  revalidateTenantData(tenant.tenantId, requestId);
  return org;
});
