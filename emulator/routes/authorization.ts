// /api/v2/authorization/divisions and /roles (genesys-api.md §8).
import type { ApiContext, Route } from '../router';
import { type EmulatorResult, okResult } from '../result';
import { PERMISSIONS, grants } from '../auth/permission-names';
import { invalidValue } from '../http/errors';
import { multiParam } from '../http/query';
import { isPageParams, pageParams } from '../http/list-params';
import { paginate } from '../http/paging';
import { renderDivision, renderRole, roleUserCounts } from '../render/directory';

const boolParam = (query: URLSearchParams, name: string, fallback: boolean): boolean | EmulatorResult => {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return invalidValue(name, raw, 'true, false');
};

function listDivisions({ org, query, url }: ApiContext): EmulatorResult {
  const page = pageParams(query);
  if (!isPageParams(page)) return page;
  const objectCount = boolParam(query, 'objectCount', false);
  if (typeof objectCount !== 'boolean') return objectCount;
  const ids = new Set(multiParam(query, 'id'));
  const name = query.get('name')?.toLowerCase();
  const divisions = org.divisions
    .filter(
      (division) => (ids.size === 0 || ids.has(division.id)) && (!name || division.name.toLowerCase().includes(name)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts = objectCount ? divisionUserCounts(org) : undefined;
  return okResult(
    paginate(divisions, { ...page, path: url.pathname, query }, (division) =>
      // objectCounts keys are UNVERIFIED; only users are counted.
      renderDivision(division, counts ? { users: counts.get(division.id) ?? 0 } : undefined),
    ),
  );
}

function divisionUserCounts(org: ApiContext['org']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const user of org.users().all)
    if (user.state !== 'deleted') counts.set(user.divisionId, (counts.get(user.divisionId) ?? 0) + 1);
  return counts;
}

function listRoles({ org, query, url }: ApiContext): EmulatorResult {
  const page = pageParams(query);
  if (!isPageParams(page)) return page;
  const withUserCount = boolParam(query, 'userCount', true);
  if (typeof withUserCount !== 'boolean') return withUserCount;
  const ids = new Set(multiParam(query, 'id'));
  const permissions = multiParam(query, 'permission');
  const defaultRoleIds = new Set(multiParam(query, 'defaultRoleId'));
  const name = query.get('name')?.toLowerCase();
  const roles = org.roles
    .filter(
      (role) =>
        (ids.size === 0 || ids.has(role.id)) &&
        (defaultRoleIds.size === 0 || (role.defaultRoleId !== undefined && defaultRoleIds.has(role.defaultRoleId))) &&
        (!name || role.name.toLowerCase().includes(name)) &&
        permissions.every((wanted) => role.permissions.some((granted) => grants(granted, wanted))),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts = withUserCount ? roleUserCounts(org) : undefined;
  return okResult(
    paginate(roles, { ...page, path: url.pathname, query }, (role) =>
      renderRole(role, counts ? (counts.get(role.id) ?? 0) : undefined),
    ),
  );
}

export const authorizationRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v2/authorization/divisions', handle: listDivisions },
  { method: 'GET', pattern: '/api/v2/authorization/roles', anyPermission: [PERMISSIONS.roleView], handle: listRoles },
];
