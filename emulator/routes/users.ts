// /api/v2/users routes (genesys-api.md §7).
import type { ApiContext, Route } from '../router';
import type { UserRecord } from '../model';
import { type EmulatorResult, okResult } from '../result';
import { PERMISSIONS } from '../auth/permission-names';
import { readJsonBody } from '../http/body';
import { badRequest, invalidValue, notFound } from '../http/errors';
import { enumParam, intParam, isResult, multiParam } from '../http/query';
import { paginate } from '../http/paging';
import { USER_EXPANDS, renderUser } from '../render/user';
import { decodeQ64, searchUsers } from '../users/search';

// The real maximum pageSize is UNVERIFIED; 500 is a conservative cap and anything outside
// 1..500 is rejected rather than silently clamped.
export const MAX_USERS_PAGE_SIZE = 500;

function parseExpand(query: URLSearchParams): Set<string> | EmulatorResult {
  const requested = multiParam(query, 'expand');
  const unknown = requested.find((name) => !(USER_EXPANDS as readonly string[]).includes(name));
  return unknown === undefined ? new Set(requested) : invalidValue('expand', unknown, USER_EXPANDS.join(', '));
}

const STATE_FILTERS: Record<string, (user: UserRecord) => boolean> = {
  active: (user) => user.state === 'active',
  inactive: (user) => user.state === 'inactive',
  deleted: (user) => user.state === 'deleted',
  any: () => true,
};

function listUsers({ org, query, url }: ApiContext): EmulatorResult {
  const pageSize = intParam(query, 'pageSize', { min: 1, max: MAX_USERS_PAGE_SIZE, fallback: 25 });
  if (isResult(pageSize)) return pageSize;
  const pageNumber = intParam(query, 'pageNumber', { min: 1, max: 1_000_000, fallback: 1 });
  if (isResult(pageNumber)) return pageNumber;
  const state = enumParam(query, 'state', ['active', 'inactive', 'deleted', 'any'] as const, 'active');
  if (isResult(state)) return state;
  const order = enumParam(query, 'sortOrder', ['ascending', 'descending', 'ASC', 'DESC'] as const, 'ASC');
  if (isResult(order)) return order;
  const expand = parseExpand(query);
  if (isResult(expand)) return expand;
  const ids = new Set(multiParam(query, 'id'));
  const jabberIds = new Set(multiParam(query, 'jabberId'));
  // A cap on ids per request is UNVERIFIED; 100 keeps URLs sane and is refused loudly above it.
  if (ids.size > 100)
    return badRequest('At most 100 ids may be requested at once.', [{ fieldName: 'id', errorCode: 'invalid.value' }]);

  const stateFilter = STATE_FILTERS[state] ?? ((): boolean => false);
  let users = org
    .users()
    .byName.filter(
      (user) =>
        stateFilter(user) &&
        (ids.size === 0 || ids.has(user.id)) &&
        (jabberIds.size === 0 || jabberIds.has(user.jabberId)),
    );
  if (order === 'descending' || order === 'DESC') users = users.reverse();
  return okResult(
    paginate(users, { pageSize, pageNumber, path: url.pathname, query }, (user) => renderUser(org, user, expand)),
  );
}

function getUser({ org, query, params }: ApiContext): EmulatorResult {
  const expand = parseExpand(query);
  if (isResult(expand)) return expand;
  const state = enumParam(query, 'state', ['active', 'deleted'] as const, 'active');
  if (isResult(state)) return state;
  const user = org.users().byId.get(params.userId ?? '');
  // `state=active` (the default) finds any user that is not deleted; `deleted` only deleted ones.
  if (!user || (state === 'deleted') !== (user.state === 'deleted')) return notFound();
  return okResult(renderUser(org, user, expand));
}

const userView = [PERMISSIONS.userView];

export const userRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v2/users', handle: listUsers },
  { method: 'GET', pattern: '/api/v2/users/:userId', handle: getUser },
  {
    method: 'POST',
    pattern: '/api/v2/users/search',
    anyPermission: userView,
    async handle({ req, org }) {
      const body = await readJsonBody(req);
      return body.ok ? searchUsers(org, body.value) : body.error;
    },
  },
  {
    method: 'GET',
    pattern: '/api/v2/users/search',
    anyPermission: userView,
    handle({ org, query }) {
      const q64 = query.get('q64');
      if (q64 === null || q64 === '')
        return badRequest('The q64 parameter is required.', [{ fieldName: 'q64', errorCode: 'required' }]);
      const decoded = decodeQ64(q64);
      if (decoded === undefined) return invalidValue('q64', q64, 'a base64-encoded UserSearchRequest');
      return searchUsers(org, decoded, multiParam(query, 'expand'));
    },
  },
];
