import { getAuthSettings, updateAuthSettings } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { authSettingsChangeSchema, withWholePasswordRequirements } from '@/lib/org-settings/auth-settings';
import { assertAuthUnchanged, revalidateTenantData } from '@/lib/org-settings/server';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId }) =>
  getAuthSettings(genesys.client, connection, { requestId }),
);

// `expected` (required, for every key written) is what the change was made from: changed
// meanwhile → 409 with the current settings, nothing written.
export const PATCH = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request, tenant } = context;
  const { expected, ...update } = await readJsonBody(request, authSettingsChangeSchema);
  const before = await getAuthSettings(genesys.client, connection, { requestId });
  const body = withWholePasswordRequirements(update, before);
  const run = async () => {
    assertAuthUnchanged(expected, before);
    return updateAuthSettings(genesys.client, connection, body, { requestId });
  };
  const settings = await auditedChange(context, { action: 'auth-settings.update', before, run, after: (s) => s });
  revalidateTenantData(tenant.tenantId, requestId);
  return settings;
});
