/**
 * The users list's view, shared by the page (URL), the table (client), the list and export
 * routes and snapshots: which users (filter), in what order, which page, which columns. Pure:
 * the browser validates with the same schema the server does.
 *
 * Everything runs through POST /users/search (genesys-api.md §7): it filters by text, state and
 * division and sorts on the server, which GET /users cannot. Search skips deleted users unless a
 * criterion names `state`, so the state filter is always sent (default: active and inactive).
 */
import { z } from 'zod';
import type { UserSearchRequest } from '../genesys/schemas/user';

export const USER_STATES = ['active', 'inactive', 'deleted'] as const;
export type UserState = (typeof USER_STATES)[number];

/** Every column the table can show, in the default order; exports always use this order. */
export const USER_COLUMNS = [
  'name',
  'email',
  'username',
  'title',
  'department',
  'division',
  'state',
  'roles',
  'dateLastLogin',
  'manager',
] as const;
export type UserColumn = (typeof USER_COLUMNS)[number];

/** Columns the search API sorts by (the search field of the same name). */
export const SORTABLE_COLUMNS = ['name', 'email', 'username', 'title', 'department', 'state'] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;

const UUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const userFilterSchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  state: z.enum(USER_STATES).optional(),
  division: z.string().regex(UUIDISH, 'must be a division id').optional(),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

const columnList = z
  .string()
  .max(300)
  .transform((text) => text.split(',').filter(Boolean))
  .pipe(z.array(z.enum(USER_COLUMNS)).min(1).max(USER_COLUMNS.length))
  .refine((columns) => new Set(columns).size === columns.length, 'lists a column twice');

export const userViewSchema = userFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(size), {
      message: `must be one of ${PAGE_SIZES.join(', ')}`,
    })
    .default(25),
  sort: z.enum(SORTABLE_COLUMNS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** Visible columns in display order; default: all, in USER_COLUMNS order. */
  columns: columnList.optional(),
});
export type UserView = z.infer<typeof userViewSchema>;

const emptyToUndefined = (search: URLSearchParams) =>
  Object.fromEntries([...search.entries()].filter(([, value]) => value.trim() !== ''));

/** URL → view. Throws ZodError (422 on the server, messages next to the controls in the page). */
export function parseUserView(search: URLSearchParams): UserView {
  return userViewSchema.parse(emptyToUndefined(search));
}

export function parseUserFilter(search: URLSearchParams): UserFilter {
  const { q, state, division } = emptyToUndefined(search);
  return userFilterSchema.parse({ q, state, division });
}

/** View → URL query, defaults left out so shared links stay short. */
export function toViewSearch(view: Partial<UserView>): URLSearchParams {
  const search = new URLSearchParams();
  if (view.q) search.set('q', view.q);
  if (view.state) search.set('state', view.state);
  if (view.division) search.set('division', view.division);
  if (view.page && view.page !== 1) search.set('page', String(view.page));
  if (view.pageSize && view.pageSize !== 25) search.set('pageSize', String(view.pageSize));
  if (view.sort && view.sort !== 'name') search.set('sort', view.sort);
  if (view.dir && view.dir !== 'asc') search.set('dir', view.dir);
  if (view.columns) search.set('columns', view.columns.join(','));
  return search;
}

/** The search criteria of a filter (always names `state`, so deleted users appear only when asked). */
export function toSearchCriteria(filter: UserFilter): UserSearchRequest['query'] {
  const states = filter.state ? [filter.state] : ['active', 'inactive'];
  return [
    { type: 'EXACT', fields: ['state'], values: states },
    ...(filter.q ? [{ type: 'CONTAINS' as const, fields: ['name', 'email', 'username'], value: filter.q }] : []),
    ...(filter.division ? [{ type: 'EXACT' as const, fields: ['division.id'], values: [filter.division] }] : []),
  ];
}

/**
 * Roles and last login are documented expansions of the user (genesys-api.md §7). `manager` is
 * not in the SDK's expand enum (UNVERIFIED upstream), so it is not asked for: the manager comes
 * as a reference and its name is resolved from the users already in hand, where available.
 */
export const USER_EXPANDS = ['authorization', 'dateLastLogin'] as const;
