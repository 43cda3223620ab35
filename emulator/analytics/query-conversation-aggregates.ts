import type { Queue } from '../routing/index';
import { okResult, type EmulatorResult } from '../result';
import { aggregate } from './aggregate';
import { compileFilter } from './filter';
import { parseQueryWindow } from './parse-interval';
import { METRICS } from './query-enums';
import { conversationAggregationQuerySchema } from './query-schema';
import { conversationsBetween } from './synthetic-conversations';
import { badRequest, toValidationError } from './validation-error';

// POST /api/v2/analytics/conversations/aggregates/query (AnalyticsApi.postAnalyticsConversationsAggregatesQuery,
// purecloud-platform-client-v2@262; the SDK docs list "Requires ANY permissions:
// analytics:conversationAggregate:view"). Body: ConversationAggregationQuery; answer:
// ConversationAggregateQueryResponse. Numbers come from synthetic conversations keyed by
// (seed, orgId, queue id, hour), so a given interval always answers the same.

export type AggregatesInput = { queues: Queue[]; orgId: string; seed: number; now: number };

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function queryConversationAggregates(input: AggregatesInput, body: unknown): EmulatorResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('The request body must be a ConversationAggregationQuery JSON object');
  }
  const parsed = conversationAggregationQuerySchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return toValidationError(parsed.error);
  const query = parsed.data;

  const window = parseQueryWindow(query);
  if ('ok' in window) return window;
  if (query.queryType !== undefined && query.queryType !== 'groupBy') {
    return badRequest(`queryType [${query.queryType}] is not supported by the emulator; use groupBy`, 'queryType');
  }
  const views = query.views ?? [];
  const viewNames = new Set<string>();
  for (const [i, view] of views.entries()) {
    // ConversationAggregationView.md: "Must be distinct from other views and built-in metric names."
    if (viewNames.has(view.name) || (METRICS as readonly string[]).includes(view.name)) {
      return badRequest(
        `View name [${view.name}] must be distinct from other views and built-in metric names`,
        `views[${i}].name`,
      );
    }
    if (view.range === undefined || (view.range.gte === undefined && view.range.lt === undefined)) {
      return badRequest(
        `View [${view.name}] uses rangeBound and needs a range with gte and/or lt`,
        `views[${i}].range`,
      );
    }
    viewNames.add(view.name);
  }
  const filter = compileFilter(query.filter);
  if ('ok' in filter) return filter;

  const response = aggregate(conversationsBetween(input, window.startMs, window.endMs), {
    window,
    groupBy: unique(query.groupBy ?? []),
    metrics: unique(query.metrics),
    views,
    filter,
  });
  return okResult(response);
}
