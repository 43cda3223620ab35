// POST /api/v2/users/search and GET /api/v2/users/search?q64= (genesys-api.md §7).
// The GET form carries the whole request, base64-encoded, exactly as nextPage links do.
import { z } from 'zod';
import type { UserRecord } from '../model';
import type { OrgState } from '../world';
import { type EmulatorResult, okResult } from '../result';
import { badRequest, invalidValue } from '../http/errors';
import { fromZodError } from '../http/zod-errors';
import { tooDeep, tooDeepError } from '../http/body';
import { USER_EXPANDS, renderUser } from '../render/user';
import { compareByName } from './directory';
import { SEARCH_FIELDS, checkCriterion, compileCriteria, criterionSchema, fieldValue } from './search-criteria';

// 100 is a conservative cap: the real maximum for users search is UNVERIFIED.
export const MAX_SEARCH_PAGE_SIZE = 100;

const sortOrder = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['ASC', 'DESC', 'SCORE']));

const searchRequestSchema = z
  .object({
    pageSize: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(25),
    pageNumber: z.number().int().min(1).max(1_000_000).default(1),
    sortOrder: sortOrder.optional(),
    sortBy: z.enum(SEARCH_FIELDS).optional(),
    sort: z
      .array(z.object({ sortOrder: sortOrder.optional(), sortBy: z.enum(SEARCH_FIELDS) }).strict())
      .max(5)
      .optional(),
    expand: z.array(z.enum(USER_EXPANDS)).max(USER_EXPANDS.length).optional(),
    query: z.array(criterionSchema).min(1).max(50),
    integrationPresenceSource: z.string().max(100).optional(),
    enforcePermissions: z.boolean().optional(),
  })
  .strict();

export type SearchRequest = z.infer<typeof searchRequestSchema>;

export const encodeQ64 = (request: SearchRequest): string =>
  Buffer.from(JSON.stringify(request), 'utf8').toString('base64');

const pageLink = (request: SearchRequest, pageNumber: number): string =>
  `/api/v2/users/search?q64=${encodeURIComponent(encodeQ64({ ...request, pageNumber }))}`;

/** Decodes a q64 parameter; URLSearchParams turns a raw `+` into a space, so undo that. */
export function decodeQ64(q64: string): unknown {
  const normalised = q64.replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(normalised)) return undefined;
  try {
    return JSON.parse(Buffer.from(normalised, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function searchUsers(org: OrgState, body: unknown, extraExpand: readonly string[] = []): EmulatorResult {
  // The q64 form skips readJsonBody, so the nesting guard is repeated here for both forms.
  if (tooDeep(body)) return tooDeepError();
  const parsed = searchRequestSchema.safeParse(body);
  if (!parsed.success) return fromZodError(parsed.error, body);
  const request = parsed.data;
  for (const [index, criterion] of request.query.entries()) {
    const problem = checkCriterion(criterion, `query[${index}]`);
    if (problem)
      return badRequest(`Invalid search criteria: ${problem.message}.`, [
        { fieldName: problem.field, errorCode: 'invalid.value' },
      ]);
  }
  for (const name of extraExpand) {
    if (!(USER_EXPANDS as readonly string[]).includes(name))
      return invalidValue('expand', name, USER_EXPANDS.join(', '));
  }
  // Deleted users are not in the search index unless a criterion asks about state (UNVERIFIED).
  const mentionsState = JSON.stringify(request.query).includes('"state"');
  const matches = compileCriteria(request.query);
  const hits = org.users().byName.filter((user) => (mentionsState || user.state !== 'deleted') && matches(user));
  sortHits(hits, request);
  const { pageSize, pageNumber } = request;
  const pageCount = Math.ceil(hits.length / pageSize);
  const expand = new Set<string>([...(request.expand ?? []), ...extraExpand]);
  const response: Record<string, unknown> = {
    total: hits.length,
    pageCount,
    pageSize,
    pageNumber,
    currentPage: pageLink(request, pageNumber),
    types: ['users'],
    results: hits
      .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
      .map((user) => renderUser(org, user, expand)),
  };
  if (pageNumber > 1) response.previousPage = pageLink(request, Math.min(pageNumber - 1, Math.max(pageCount, 1)));
  if (pageNumber < pageCount) response.nextPage = pageLink(request, pageNumber + 1);
  return okResult(response);
}

function sortHits(hits: UserRecord[], request: SearchRequest): void {
  const keys = request.sort ?? (request.sortBy ? [{ sortBy: request.sortBy, sortOrder: request.sortOrder }] : []);
  const descending = request.sortOrder === 'DESC';
  if (keys.length === 0) {
    // Without a sort key the order is relevance; every hit scores alike here, so name order.
    if (descending) hits.reverse();
    return;
  }
  hits.sort((a, b) => {
    for (const key of keys) {
      const left = fieldValue(a, key.sortBy).toLowerCase();
      const right = fieldValue(b, key.sortBy).toLowerCase();
      if (left !== right) return (left < right ? -1 : 1) * (key.sortOrder === 'DESC' ? -1 : 1);
    }
    return compareByName(a, b);
  });
}
