export { queryConversationAggregates, type AggregatesInput } from './query-conversation-aggregates';
export type {
  AggregateMetricData,
  AggregateViewData,
  ConversationAggregateDataContainer,
  ConversationAggregateQueryResponse,
  MetricStats,
  StatisticalResponse,
} from './aggregate';
export type { ConversationAggregationQuery } from './query-schema';
export { MAX_BUCKETS, MAX_INTERVAL_MS } from './parse-interval';
export { GROUP_BY_DIMENSIONS, METRICS, type MetricName } from './query-enums';
