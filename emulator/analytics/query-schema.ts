import { z } from 'zod';
import {
  ALTERNATE_TIME_DIMENSIONS,
  FILTER_DIMENSIONS,
  FILTER_TYPES,
  GROUP_BY_DIMENSIONS,
  METRICS,
  PREDICATE_OPERATORS,
  PREDICATE_TYPES,
  QUERY_TYPES,
  VIEW_FUNCTIONS,
} from './query-enums';

// Shape of `Models.ConversationAggregationQuery` (purecloud-platform-client-v2@262 index.d.ts;
// field docs in platform-client-sdk-python build/docs/ConversationAggregationQuery.md). Objects
// are strict: whether the real API ignores unknown fields is UNVERIFIED, and failing loudly
// catches the invented shapes tutorials circulate ("groupings", "dateFrom", "select").

const predicateSchema = z
  .object({
    type: z.enum(PREDICATE_TYPES).optional(),
    dimension: z.enum(FILTER_DIMENSIONS).optional(),
    operator: z.enum(PREDICATE_OPERATORS).optional(),
    value: z.string().optional(),
    range: z
      .object({
        gt: z.number().optional(),
        gte: z.number().optional(),
        lt: z.number().optional(),
        lte: z.number().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const clauseSchema = z.object({ type: z.enum(FILTER_TYPES), predicates: z.array(predicateSchema).min(1) }).strict();

const filterSchema = z
  .object({
    type: z.enum(FILTER_TYPES),
    clauses: z.array(clauseSchema).optional(),
    predicates: z.array(predicateSchema).optional(),
  })
  .strict();

const viewSchema = z
  .object({
    target: z.enum(METRICS),
    name: z.string().min(1),
    function: z.enum(VIEW_FUNCTIONS),
    range: z.object({ gte: z.number().optional(), lt: z.number().optional() }).strict().optional(),
  })
  .strict();

export const conversationAggregationQuerySchema = z
  .object({
    interval: z.string(),
    granularity: z.string().optional(),
    timeZone: z.string().optional(),
    groupBy: z.array(z.enum(GROUP_BY_DIMENSIONS)).optional(),
    filter: filterSchema.optional(),
    metrics: z.array(z.enum(METRICS)).min(1),
    flattenMultivaluedDimensions: z.boolean().optional(),
    views: z.array(viewSchema).optional(),
    alternateTimeDimension: z.enum(ALTERNATE_TIME_DIMENSIONS).optional(),
    queryType: z.enum(QUERY_TYPES).optional(),
    sortMetric: z.object({ name: z.string(), function: z.string() }).strict().optional(),
    limit: z.number().int().optional(),
  })
  .strict();

export type ConversationAggregationQuery = z.infer<typeof conversationAggregationQuerySchema>;
export type AggregateQueryFilter = z.infer<typeof filterSchema>;
export type AggregateQueryPredicate = z.infer<typeof predicateSchema>;
export type AggregationView = z.infer<typeof viewSchema>;
