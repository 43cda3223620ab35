import { featureNameSchema, featureStateSchema, getOrganization, setFeature } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { revalidateTenantData } from '@/lib/org-settings/server';

// The audit's `before` is read from Genesys, not inferred from the request (it may already be on).
export const PATCH = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request, params, tenant } = context;
  const featureName = featureNameSchema.parse(params.featureName);
  const { enabled } = await readJsonBody(request, featureStateSchema);
  const { features: current = {} } = await getOrganization(genesys.client, connection, { requestId });
  const features = await auditedChange(context, {
    action: 'feature.update',
    before: { featureName, enabled: current[featureName] ?? null },
    run: () => setFeature(genesys.client, connection, featureName, enabled, { requestId }),
    after: (saved) => ({ featureName, enabled: saved[featureName] ?? enabled }),
  });
  revalidateTenantData(tenant.tenantId, requestId);
  return features;
});
