import { z } from 'zod';
import { featureNameSchema, setFeature } from '@/lib/genesys';
import { auditedChange } from '@/lib/http/audited-change';
import { readJsonBody } from '@/lib/http/json-body';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

const bodySchema = z.strictObject({ enabled: z.boolean() });

export const PATCH = withTenantRoute({ capability: 'org.edit', write: true }, async (context) => {
  const { genesys, connection, requestId, request, params } = context;
  const featureName = featureNameSchema.parse(params.featureName);
  const { enabled } = await readJsonBody(request, bodySchema);
  return auditedChange(context, {
    action: 'feature.update',
    before: { featureName, enabled: !enabled },
    run: () => setFeature(genesys.client, connection, featureName, enabled, { requestId }),
    after: (features) => ({ featureName, enabled: features[featureName] ?? enabled }),
  });
});
