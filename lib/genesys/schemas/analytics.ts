/**
 * POST /api/v2/analytics/conversations/aggregates/query (SDK 262 ConversationAggregationQuery →
 * ConversationAggregateQueryResponse). The request is checked for the fields the API requires;
 * enum values (metrics, dimensions) are left to the API, whose lists grow every release.
 */
import { z } from 'zod';

const predicateSchema = z.looseObject({
  type: z.enum(['dimension', 'property', 'metric']).optional(),
  dimension: z.string().optional(),
  operator: z.enum(['matches', 'exists', 'notExists']).optional(),
  value: z.string().optional(),
});

const filterSchema = z.looseObject({
  type: z.enum(['and', 'or']),
  predicates: z.array(predicateSchema).optional(),
  clauses: z.array(z.looseObject({ type: z.enum(['and', 'or']), predicates: z.array(predicateSchema) })).optional(),
});

export const conversationAggregationQuerySchema = z.looseObject({
  /** ISO-8601 interval, e.g. "2026-03-01T00:00:00.000Z/2026-03-02T00:00:00.000Z". */
  interval: z.string().regex(/^[^/]+\/[^/]+$/, 'interval must be "<start>/<end>" in ISO-8601'),
  granularity: z.string().optional(),
  timeZone: z.string().optional(),
  groupBy: z.array(z.string()).optional(),
  filter: filterSchema.optional(),
  metrics: z.array(z.string()).min(1),
  flattenMultivaluedDimensions: z.boolean().optional(),
  views: z
    .array(
      z.looseObject({
        target: z.string(),
        name: z.string(),
        function: z.string(),
        range: z.looseObject({ gte: z.number().optional(), lt: z.number().optional() }).optional(),
      }),
    )
    .optional(),
});
export type ConversationAggregationQuery = z.infer<typeof conversationAggregationQuerySchema>;

const statsSchema = z.looseObject({
  max: z.number().optional(),
  min: z.number().optional(),
  count: z.number().optional(),
  sum: z.number().optional(),
  ratio: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  target: z.number().optional(),
});

export const conversationAggregateResponseSchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        group: z.record(z.string(), z.string()).optional(),
        data: z.array(
          z.looseObject({
            interval: z.string(),
            metrics: z.array(
              z.looseObject({ metric: z.string(), qualifier: z.string().optional(), stats: statsSchema }),
            ),
            views: z.array(z.looseObject({ name: z.string(), stats: statsSchema })).optional(),
          }),
        ),
      }),
    )
    .default([]),
});
export type ConversationAggregateResponse = z.infer<typeof conversationAggregateResponseSchema>;
