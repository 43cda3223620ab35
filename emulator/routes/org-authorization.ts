// GET /api/v2/orgauthorization/trustors and /trustees (genesys-api.md §5).
import type { Route } from '../router';
import { okResult } from '../result';
import { PERMISSIONS } from '../auth/permission-names';
import { isPageParams, pageParams } from '../http/list-params';
import { paginate } from '../http/paging';
import { renderTrustee, renderTrustor } from '../render/trust';

export const orgAuthorizationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v2/orgauthorization/trustors',
    anyPermission: [PERMISSIONS.trustorView],
    handle({ core, org, query, url }) {
      const page = pageParams(query);
      if (!isPageParams(page)) return page;
      const records = core.world.trusts.filter((trust) => trust.trusteeOrgId === org.organization.id);
      return okResult(
        paginate(records, { ...page, path: url.pathname, query }, (record) => renderTrustor(core, record)),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/api/v2/orgauthorization/trustees',
    anyPermission: [PERMISSIONS.trusteeView],
    handle({ core, org, query, url }) {
      const page = pageParams(query);
      if (!isPageParams(page)) return page;
      const records = core.world.trusts.filter((trust) => trust.trustorOrgId === org.organization.id);
      return okResult(
        paginate(records, { ...page, path: url.pathname, query }, (record) => renderTrustee(core, record)),
      );
    },
  },
];
