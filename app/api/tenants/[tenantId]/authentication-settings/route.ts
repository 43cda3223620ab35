import { authSettingsUpdateSchema, getAuthSettings, updateAuthSettings } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, connection, requestId }) =>
  getAuthSettings(genesys.client, connection, { requestId }),
);

export const PATCH = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request } = context;
  const update = await readJsonBody(request, authSettingsUpdateSchema);
  const before = await getAuthSettings(genesys.client, connection, { requestId });
  return auditedChange(context, {
    action: 'auth-settings.update',
    before,
    run: () => updateAuthSettings(genesys.client, connection, update, { requestId }),
    after: (settings) => settings,
  });
});
