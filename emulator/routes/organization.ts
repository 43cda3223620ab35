// /api/v2/organizations/* routes (genesys-api.md §6).
import type { Route } from '../router';
import { FEATURE_NAMES, type FeatureName } from '../model';
import { okResult } from '../result';
import { PERMISSIONS } from '../auth/permission-names';
import { readJsonBody } from '../http/body';
import { invalidValue, notFound } from '../http/errors';
import { intParam, isResult } from '../http/query';
import { paginate } from '../http/paging';
import { fromZodError } from '../http/zod-errors';
import { updateOrganization } from '../org/update-organization';
import { patchAuthSettings } from '../org/auth-settings';
import { LIMIT_NAMESPACES, namespaceLimits } from '../org/limits';
import { z } from 'zod';

const featureStateSchema = z.object({ enabled: z.boolean() }).strict();
const admin = [PERMISSIONS.orgAdmin];

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v2/organizations/me',
    handle: ({ org }) => okResult(structuredClone(org.organization)),
  },
  {
    method: 'PUT',
    pattern: '/api/v2/organizations/me',
    anyPermission: admin,
    async handle({ req, org }) {
      const body = await readJsonBody(req);
      return body.ok ? updateOrganization(org.organization, body.value) : body.error;
    },
  },
  {
    method: 'PATCH',
    pattern: '/api/v2/organizations/features/:featureName',
    anyPermission: admin,
    async handle({ req, org, params }) {
      const name = params.featureName ?? '';
      if (!FEATURE_NAMES.includes(name as FeatureName))
        return invalidValue('featureName', name, FEATURE_NAMES.join(', '));
      const body = await readJsonBody(req);
      if (!body.ok) return body.error;
      const parsed = featureStateSchema.safeParse(body.value);
      if (!parsed.success) return fromZodError(parsed.error, body.value);
      org.organization.features[name as FeatureName] = parsed.data.enabled;
      // Whether a feature toggle bumps the org version is UNVERIFIED; bumping is the strict
      // choice (a portal holding an old version must re-read before its next PUT).
      org.organization.version++;
      return okResult({ ...org.organization.features });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v2/organizations/authentication/settings',
    anyPermission: admin,
    handle: ({ org }) => okResult(structuredClone(org.authSettings)),
  },
  {
    method: 'PATCH',
    pattern: '/api/v2/organizations/authentication/settings',
    anyPermission: admin,
    async handle({ req, org }) {
      const body = await readJsonBody(req);
      return body.ok ? patchAuthSettings(org.authSettings, body.value) : body.error;
    },
  },
  {
    method: 'GET',
    pattern: '/api/v2/organizations/limits/namespaces',
    handle({ query, url }) {
      const pageSize = intParam(query, 'pageSize', { min: 1, max: 100, fallback: 100 });
      const pageNumber = intParam(query, 'pageNumber', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
      if (isResult(pageSize)) return pageSize;
      if (isResult(pageNumber)) return pageNumber;
      const names = LIMIT_NAMESPACES.map((name) => ({ name }));
      return okResult(paginate(names, { pageSize, pageNumber, path: url.pathname, query }));
    },
  },
  ...(['', '/defaults'] as const).map((suffix): Route => ({
    method: 'GET',
    pattern: `/api/v2/organizations/limits/namespaces/:namespaceName${suffix}`,
    handle({ params, core, org }) {
      const entities = namespaceLimits(params.namespaceName ?? '', core, org);
      return entities ? okResult({ entities }) : notFound();
    },
  })),
];
