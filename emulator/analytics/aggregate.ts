import type { ConversationFilter } from './filter';
import { dimensionValue } from './filter';
import type { GroupByDimension, MetricName } from './query-enums';
import type { AggregationView } from './query-schema';
import type { QueryWindow } from './parse-interval';
import { SIMULATED_METRICS, isCountMetric, serviceLevelNumerator } from './simulated-metrics';
import type { SyntheticConversation } from './synthetic-conversations';

// Response shapes of `Models.ConversationAggregateQueryResponse` → `ConversationAggregateDataContainer`
// { group, data } → `StatisticalResponse` { interval, metrics, views } → `AggregateMetricData`
// { metric, stats } → `StatisticalSummary` (purecloud-platform-client-v2@262 index.d.ts). n* metrics
// carry only stats.count, t* metrics count/sum/min/max in ms, oServiceLevel ratio/numerator/
// denominator/target, views { name, stats: { count } }. Interval strings use millisecond UTC
// ISO form ("2022-09-04T18:30:00.000Z/2022-09-11T18:30:00.000Z", as in real responses quoted on
// developer.genesys.cloud/forum/t/conversation-aggregate-data-model/16447).

export type MetricStats = {
  max?: number;
  min?: number;
  count?: number;
  sum?: number;
  ratio?: number;
  numerator?: number;
  denominator?: number;
  target?: number;
};
export type AggregateMetricData = { metric: MetricName; stats: MetricStats };
export type AggregateViewData = { name: string; stats: { count: number } };
export type StatisticalResponse = { interval: string; metrics: AggregateMetricData[]; views?: AggregateViewData[] };
export type ConversationAggregateDataContainer = { group?: Record<string, string>; data: StatisticalResponse[] };
export type ConversationAggregateQueryResponse = { results?: ConversationAggregateDataContainer[] };

type Stat = { count: number; sum: number; min: number; max: number };
type ServiceLevel = { numerator: number; denominator: number; targets: Set<number> };
type Bucket = { stats: Map<MetricName, Stat>; serviceLevel?: ServiceLevel; views: number[] };
type Group = { group: Record<string, string>; buckets: Map<number, Bucket> };

export type AggregationSpec = {
  window: QueryWindow;
  groupBy: GroupByDimension[];
  metrics: MetricName[];
  views: AggregationView[];
  filter: ConversationFilter;
};

function add(stats: Map<MetricName, Stat>, metric: MetricName, value: number): void {
  const s = stats.get(metric);
  if (s === undefined) {
    stats.set(metric, { count: 1, sum: value, min: value, max: value });
    return;
  }
  s.count += 1;
  s.sum += value;
  s.min = Math.min(s.min, value);
  s.max = Math.max(s.max, value);
}

const inRange = (value: number, view: AggregationView): boolean =>
  (view.range?.gte === undefined || value >= view.range.gte) && (view.range?.lt === undefined || value < view.range.lt);

function observe(bucket: Bucket, c: SyntheticConversation, spec: AggregationSpec): void {
  for (const metric of spec.metrics) {
    if (metric === 'oServiceLevel') {
      const sl = (bucket.serviceLevel ??= { numerator: 0, denominator: 0, targets: new Set() });
      sl.numerator += serviceLevelNumerator(c);
      sl.denominator += 1;
      sl.targets.add(c.serviceLevelTarget);
      continue;
    }
    const value = SIMULATED_METRICS[metric]?.(c);
    if (value !== undefined) add(bucket.stats, metric, value);
  }
  spec.views.forEach((view, i) => {
    const value = SIMULATED_METRICS[view.target]?.(c);
    if (value !== undefined && inRange(value, view)) bucket.views[i] = (bucket.views[i] ?? 0) + 1;
  });
}

function renderMetric(metric: MetricName, bucket: Bucket): AggregateMetricData | undefined {
  if (metric === 'oServiceLevel') {
    const sl = bucket.serviceLevel;
    if (sl === undefined || sl.denominator === 0) return undefined;
    const [target] = sl.targets;
    // A group mixing queues with different targets has no single target to report.
    const targetField = sl.targets.size === 1 && target !== undefined ? { target } : {};
    return {
      metric,
      stats: {
        ratio: sl.numerator / sl.denominator,
        numerator: sl.numerator,
        denominator: sl.denominator,
        ...targetField,
      },
    };
  }
  const s = bucket.stats.get(metric);
  if (s === undefined || s.count === 0) return undefined;
  return isCountMetric(metric)
    ? { metric, stats: { count: s.count } }
    : { metric, stats: { max: s.max, min: s.min, count: s.count, sum: s.sum } };
}

function renderBucket(index: number, bucket: Bucket, spec: AggregationSpec): StatisticalResponse | undefined {
  const { startMs, endMs, granularityMs } = spec.window;
  const from = startMs + index * granularityMs;
  const to = Math.min(from + granularityMs, endMs);
  const metrics = spec.metrics
    .map((m) => renderMetric(m, bucket))
    .filter((m): m is AggregateMetricData => m !== undefined);
  const views = spec.views
    .map((view, i) => ({ name: view.name, stats: { count: bucket.views[i] ?? 0 } }))
    .filter((v) => v.stats.count > 0);
  if (metrics.length === 0 && views.length === 0) return undefined;
  const interval = `${new Date(from).toISOString()}/${new Date(to).toISOString()}`;
  return views.length > 0 ? { interval, metrics, views } : { interval, metrics };
}

// Sparse like the real API: buckets, groups and metrics without data are left out, and an
// entirely empty answer is `{}` (no `results` key; UNVERIFIED, the conservative reading, since
// the SDK marks `results` optional and clients must cope with its absence).
export function aggregate(
  conversations: Iterable<SyntheticConversation>,
  spec: AggregationSpec,
): ConversationAggregateQueryResponse {
  const groups = new Map<string, Group>();
  for (const c of conversations) {
    if (!spec.filter(c)) continue;
    const values = spec.groupBy.map((d) => dimensionValue(c, d));
    const key = JSON.stringify(values.map((v) => v ?? null));
    let group = groups.get(key);
    if (group === undefined) {
      const labels: Record<string, string> = {};
      spec.groupBy.forEach((dimension, i) => {
        const value = values[i];
        if (value !== undefined) labels[dimension] = value;
      });
      group = { group: labels, buckets: new Map() };
      groups.set(key, group);
    }
    const index = Math.floor((c.offeredAt - spec.window.startMs) / spec.window.granularityMs);
    let bucket = group.buckets.get(index);
    if (bucket === undefined) {
      bucket = { stats: new Map(), views: [] };
      group.buckets.set(index, bucket);
    }
    observe(bucket, c, spec);
  }

  const results: ConversationAggregateDataContainer[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    if (g === undefined) continue;
    const data = [...g.buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, bucket]) => renderBucket(index, bucket, spec))
      .filter((d): d is StatisticalResponse => d !== undefined);
    if (data.length === 0) continue;
    results.push(Object.keys(g.group).length > 0 ? { group: g.group, data } : { data });
  }
  return results.length > 0 ? { results } : {};
}
