// Evaluation of UserSearchCriteria (genesys-api.md §7) over seeded users. Semantics follow the
// Elasticsearch bool query Genesys search is built on: AND → must, OR → should (at least one),
// NOT → must_not; several `fields` match if any field does. Text matching is case-insensitive.
import { z } from 'zod';
import type { UserRecord } from '../model';
import { regexRisk } from './regex-guard';

export const SEARCH_FIELDS = [
  'name',
  'email',
  'username',
  'state',
  'title',
  'department',
  'division.id',
  'id',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const CRITERIA_TYPES = [
  'EXACT',
  'STARTS_WITH',
  'CONTAINS',
  'REGEX',
  'TERM',
  'TERMS',
  'REQUIRED_FIELDS',
  'MATCH_ALL',
  'QUERY_STRING',
] as const;

export type Criterion = {
  type: (typeof CRITERIA_TYPES)[number];
  fields?: SearchField[];
  value?: string;
  values?: string[];
  operator?: 'AND' | 'OR' | 'NOT';
  group?: Criterion[];
  startValue?: string;
  endValue?: string;
  dateFormat?: string;
};

const shortText = z.string().max(1000);

export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z
    .object({
      type: z.enum(CRITERIA_TYPES),
      fields: z.array(z.enum(SEARCH_FIELDS)).max(20).optional(),
      value: shortText.optional(),
      values: z.array(shortText).max(500).optional(),
      operator: z.enum(['AND', 'OR', 'NOT']).optional(),
      group: z.array(criterionSchema).max(50).optional(),
      startValue: shortText.optional(),
      endValue: shortText.optional(),
      dateFormat: shortText.optional(),
    })
    .strict(),
);

export function fieldValue(user: UserRecord, field: SearchField): string {
  switch (field) {
    case 'username':
      return user.email;
    case 'division.id':
      return user.divisionId;
    default:
      return user[field];
  }
}

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@.'_-]+/u)
    .filter(Boolean);

export type CompiledCriterion = (user: UserRecord) => boolean;

/** Compile once per request; a compiled regex is reused for all 20 000 users. */
export function compileCriterion(criterion: Criterion): CompiledCriterion {
  if (criterion.group) {
    const group = compileCriteria(criterion.group);
    return group;
  }
  const fields = criterion.fields ?? [];
  const wanted = [...(criterion.value === undefined ? [] : [criterion.value]), ...(criterion.values ?? [])].map((v) =>
    v.toLowerCase(),
  );
  const anyField =
    (test: (value: string) => boolean): CompiledCriterion =>
    (user) =>
      fields.some((field) => test(fieldValue(user, field).toLowerCase()));
  switch (criterion.type) {
    case 'MATCH_ALL':
      return () => true;
    case 'REQUIRED_FIELDS':
      return (user) => fields.every((field) => fieldValue(user, field) !== '');
    case 'EXACT':
      return anyField((value) => wanted.includes(value));
    case 'STARTS_WITH':
      return anyField((value) => wanted.some((w) => value.startsWith(w) || tokens(value).some((t) => t.startsWith(w))));
    case 'CONTAINS':
    case 'QUERY_STRING': // approximated as CONTAINS: the real query-string grammar is not emulated
      return anyField((value) => wanted.some((w) => value.includes(w)));
    case 'TERM':
    case 'TERMS':
      return anyField((value) => {
        const valueTokens = tokens(value);
        return wanted.some((w) => value === w || valueTokens.includes(w));
      });
    case 'REGEX': {
      const patterns = wanted.map((w) => new RegExp(`^(?:${w})$`, 'iu'));
      return anyField((value) => patterns.some((pattern) => pattern.test(value)));
    }
  }
}

export function compileCriteria(criteria: readonly Criterion[]): CompiledCriterion {
  const must: CompiledCriterion[] = [];
  const should: CompiledCriterion[] = [];
  const mustNot: CompiledCriterion[] = [];
  for (const criterion of criteria) {
    const compiled = compileCriterion(criterion);
    if (criterion.operator === 'OR') should.push(compiled);
    else if (criterion.operator === 'NOT') mustNot.push(compiled);
    else must.push(compiled);
  }
  return (user) =>
    must.every((test) => test(user)) &&
    (should.length === 0 || should.some((test) => test(user))) &&
    !mustNot.some((test) => test(user));
}

/** Which criteria need which inputs; returns a message naming the problem, if any. */
export function checkCriterion(criterion: Criterion, path: string): { field: string; message: string } | undefined {
  if (criterion.group) {
    for (const [index, child] of criterion.group.entries()) {
      const problem = checkCriterion(child, `${path}.group[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (criterion.type === 'MATCH_ALL') return undefined;
  if (!criterion.fields || criterion.fields.length === 0)
    return { field: `${path}.fields`, message: `${criterion.type} needs at least one field` };
  if (criterion.type === 'REQUIRED_FIELDS') return undefined;
  if (criterion.value === undefined && (criterion.values ?? []).length === 0) {
    return { field: `${path}.value`, message: `${criterion.type} needs value or values` };
  }
  if (criterion.type === 'REGEX') {
    for (const pattern of [criterion.value, ...(criterion.values ?? [])]) {
      if (pattern === undefined) continue;
      if (pattern.length > 200) return { field: `${path}.value`, message: 'regular expression too long' };
      const risk = regexRisk(pattern);
      if (risk) return { field: `${path}.value`, message: `regular expression refused: ${risk}` };
      try {
        new RegExp(pattern, 'u');
      } catch {
        return { field: `${path}.value`, message: 'not a valid regular expression' };
      }
    }
  }
  return undefined;
}
