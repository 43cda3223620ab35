import type { AggregateQueryFilter, AggregateQueryPredicate } from './query-schema';
import type { FilterDimension } from './query-enums';
import type { SyntheticConversation } from './synthetic-conversations';
import { badRequest } from './validation-error';
import type { EmulatorResult } from '../result';

// Dimensions the synthetic conversations carry. Any other valid dimension is simply absent on
// every conversation: grouping by it leaves the key out of `group`, `matches` on it matches
// nothing and `notExists` matches everything, which is how the real API treats missing values.
export function dimensionValue(c: SyntheticConversation, dimension: string): string | undefined {
  switch (dimension) {
    case 'queueId':
    case 'firstQueue':
      return c.queueId;
    case 'divisionId':
      return c.divisionId;
    case 'mediaType':
      return c.mediaType;
    case 'direction':
    case 'originatingDirection':
      return c.direction;
    default:
      return undefined;
  }
}

type Predicate = {
  dimension: FilterDimension;
  operator: 'matches' | 'exists' | 'notExists';
  value?: string | undefined;
};
export type ConversationFilter = (c: SyntheticConversation) => boolean;

function checkPredicate(p: AggregateQueryPredicate, path: string): Predicate | EmulatorResult {
  if (p.type !== undefined && p.type !== 'dimension') {
    return badRequest(
      `Predicate [${path}] has type [${p.type}]; the emulator supports only dimension predicates`,
      `${path}.type`,
    );
  }
  if (p.dimension === undefined) return badRequest(`Predicate [${path}] is missing its dimension`, `${path}.dimension`);
  if (p.range !== undefined)
    return badRequest(`Predicate [${path}] uses a range; the emulator supports only value matches`, `${path}.range`);
  const operator = p.operator ?? 'matches';
  if (operator === 'matches' && p.value === undefined) {
    return badRequest(`Predicate [${path}] uses operator [matches] and needs a value`, `${path}.value`);
  }
  return { dimension: p.dimension, operator, value: p.value };
}

const evaluate = (p: Predicate, c: SyntheticConversation): boolean => {
  const value = dimensionValue(c, p.dimension);
  if (p.operator === 'exists') return value !== undefined;
  if (p.operator === 'notExists') return value === undefined;
  return value === p.value;
};

const combine = (type: 'and' | 'or', tests: ConversationFilter[]): ConversationFilter =>
  type === 'and' ? (c) => tests.every((t) => t(c)) : (c) => tests.some((t) => t(c));

function compilePredicates(list: AggregateQueryPredicate[], path: string): ConversationFilter[] | EmulatorResult {
  const tests: ConversationFilter[] = [];
  for (const [i, raw] of list.entries()) {
    const p = checkPredicate(raw, `${path}[${i}]`);
    if ('ok' in p) return p;
    tests.push((c) => evaluate(p, c));
  }
  return tests;
}

// filter.type combines its own predicates and every clause; each clause combines its predicates.
export function compileFilter(filter: AggregateQueryFilter | undefined): ConversationFilter | EmulatorResult {
  if (filter === undefined) return () => true;
  const predicates = filter.predicates ?? [];
  const clauses = filter.clauses ?? [];
  if (predicates.length === 0 && clauses.length === 0) {
    return badRequest('Filter [filter] must contain at least one predicate or clause', 'filter');
  }
  const tests = compilePredicates(predicates, 'filter.predicates');
  if ('ok' in tests) return tests;
  for (const [i, clause] of clauses.entries()) {
    const inner = compilePredicates(clause.predicates, `filter.clauses[${i}].predicates`);
    if ('ok' in inner) return inner;
    tests.push(combine(clause.type, inner));
  }
  return combine(filter.type, tests);
}
