/**
 * The audit log's filters as they live in a URL (/audit?tenant=…&from=…), shared by the page,
 * its "Export CSV" link and the export route, so a shared or reloaded link shows the same view
 * and exports exactly it. Times are the value of a datetime-local input read as UTC: the
 * browser sends no zone, and one zone for everyone makes a link mean the same to every reader.
 * Pure: the page, the route and components all use it.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditResult } from '../audit/types';
import { TENANT_ID_PATTERN } from '../tenants/tenant-schema';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const satisfies readonly AuditResult[];
export const FILTER_KEYS = ['tenant', 'user', 'action', 'result', 'from', 'to'] as const;
const CURSOR_KEY = 'before';

export interface AuditFilters {
  tenant?: string;
  /** A portal user id, or an email (resolved to the id on the server). */
  user?: string;
  action?: AuditAction;
  result?: AuditResult;
  /** `YYYY-MM-DDTHH:MM[:SS[.mmm]]`, UTC, inclusive. */
  from?: string;
  /** Same format, exclusive. */
  to?: string;
}

/** What was typed, valid or not: the form shows it again so it can be corrected. */
export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export type ParsedFilters =
  { ok: true; filters: AuditFilters; before?: string } | { ok: false; filters: FilterValues; problems: string[] };

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

const UTC_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?$/;

/** The ISO instant of a filter time, or undefined when it is not a real date and time. */
export function filterTimeToIso(value: string): string | undefined {
  const local = UTC_TIME.exec(value)?.[1];
  if (!local) return undefined;
  const ms = Date.parse(`${local}Z`);
  // Date.parse rolls 2024-02-30 over to March 1: only a value that round-trips is a real date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 16) !== local.slice(0, 16)) return undefined;
  return new Date(ms).toISOString();
}

const time = (label: string) =>
  z
    .string()
    .transform((value) => UTC_TIME.exec(value)?.[1] ?? value)
    .refine((value) => filterTimeToIso(value) !== undefined, {
      error: `${label} must be a date and time in UTC, like 2025-01-31T14:00.`,
    });

const filterSchema = z
  .object({
    tenant: z.string().regex(TENANT_ID_PATTERN, { error: 'Tenant must be a tenant id (a-z, 0-9, -).' }).optional(),
    user: z.string().max(200, { error: 'User must be at most 200 characters.' }).optional(),
    action: z.enum(AUDIT_ACTIONS, { error: `Action must be one of: ${AUDIT_ACTIONS.join(', ')}.` }).optional(),
    result: z.enum(AUDIT_RESULTS, { error: 'Result must be success, failure or denied.' }).optional(),
    from: time('From').optional(),
    to: time('To').optional(),
    before: z
      .string()
      .regex(/^\d{1,16}-\d{1,16}$/, { error: 'The page link is not valid: start again from the newest entries.' })
      .optional(),
  })
  .refine(({ from, to }) => !from || !to || (filterTimeToIso(from) ?? '') < (filterTimeToIso(to) ?? ''), {
    error: 'From must be earlier than To.',
  });

function toEntries(input: SearchInput): [string, string[]][] {
  if (input instanceof URLSearchParams) {
    const keys = [...new Set(input.keys())];
    return keys.map((key) => [key, input.getAll(key)]);
  }
  return Object.entries(input).map(([key, value]) => [key, value === undefined ? [] : [value].flat()]);
}

/**
 * Empty fields (a GET form submits every field) mean "no filter". `unknown: 'reject'` names any
 * other parameter (the API); a page ignores them. `cursor` allows the page cursor `before`.
 */
export function parseAuditFilters(
  input: SearchInput,
  options: { cursor: boolean; unknown: 'reject' | 'ignore' },
): ParsedFilters {
  const allowed = new Set<string>([...FILTER_KEYS, ...(options.cursor ? [CURSOR_KEY] : [])]);
  const problems: string[] = [];
  const unknown: string[] = [];
  const raw: Record<string, string> = {};
  for (const [key, values] of toEntries(input)) {
    if (!allowed.has(key)) {
      unknown.push(key);
      continue;
    }
    const given = values.map((value) => value.trim()).filter((value) => value !== '');
    if (given.length > 1) problems.push(`The ${key} filter is given more than once.`);
    else if (given[0] !== undefined) raw[key] = given[0];
  }
  // One problem however many unknown keys: the message stays short.
  if (options.unknown === 'reject' && unknown.length > 0) {
    const named = unknown.slice(0, 3).map((key) => key.slice(0, 40));
    const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
    problems.unshift(`Unknown filter${unknown.length > 1 ? 's' : ''}: ${named.join(', ')}${more}.`);
  }
  const parsed = filterSchema.safeParse(raw);
  if (parsed.success && problems.length === 0) {
    const { before, ...filters } = parsed.data;
    return { ok: true, filters, ...(before === undefined ? {} : { before }) };
  }
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  const echo: FilterValues = {};
  for (const key of FILTER_KEYS) if (raw[key] !== undefined) echo[key] = raw[key];
  return { ok: false, filters: echo, problems };
}

/** The filters as URL parameters, set ones only, in a fixed order (links, provenance). */
export function toFilterSearch(filters: AuditFilters, before?: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) search.set(key, value);
  }
  if (before !== undefined) search.set(CURSOR_KEY, before);
  return search;
}

/** `?…` for a link, or '' without filters. */
export function toQueryString(filters: AuditFilters, before?: string): string {
  const query = toFilterSearch(filters, before).toString();
  return query ? `?${query}` : '';
}

export const hasFilters = (filters: AuditFilters) => FILTER_KEYS.some((key) => filters[key] !== undefined);
