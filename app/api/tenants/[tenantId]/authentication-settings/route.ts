import { getAuthSettings, updateAuthSettings } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { authSettingsChangeSchema } from '@/lib/org-settings/auth-settings';
import { assertAuthUnchanged, revalidateTenantData } from '@/lib/org-settings/server';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId }) =>
  getAuthSettings(genesys.client, connection, { requestId }),
);

// `expected` (optional) is what the editor started from: changed meanwhile → 409, nothing written.
export const PATCH = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request, tenant } = context;
  const { expected, ...update } = await readJsonBody(request, authSettingsChangeSchema);
  const before = await getAuthSettings(genesys.client, connection, { requestId });
  const run = async () => {
    assertAuthUnchanged(expected, before);
    return updateAuthSettings(genesys.client, connection, update, { requestId });
  };
  const settings = await auditedChange(context, { action: 'auth-settings.update', before, run, after: (s) => s });
  revalidateTenantData(tenant.tenantId, requestId);
  return settings;
});
