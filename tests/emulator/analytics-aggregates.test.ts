import fc from 'fast-check';
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import {
  METRICS,
  queryConversationAggregates,
  type AggregateMetricData,
  type AggregatesInput,
  type ConversationAggregateQueryResponse,
  type MetricStats,
} from '@/emulator/analytics';
import { mulberry32 } from '@/emulator/prng';
import type { EmulatorResult } from '@/emulator/result';
import { seedQueues } from '@/emulator/routing';

const ORG = { id: 'org-a', divisionId: 'div-home', divisionName: 'Home' };
const QUEUES = seedQueues(mulberry32(11), ORG, 4);
const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const INPUT: AggregatesInput = { queues: QUEUES, orgId: ORG.id, seed: 42, now: NOW };
const DAY = '2025-05-06T00:00:00.000Z/2025-05-07T00:00:00.000Z'; // a Tuesday
const CORE_METRICS = [
  'nOffered',
  'tHandle',
  'tTalk',
  'tAcw',
  'tAnswered',
  'tAbandon',
  'nTransferred',
  'tHeld',
  'nOverSla',
  'oServiceLevel',
] as const;

// Building requests as the SDK's own type proves the accepted shape matches ConversationAggregationQuery.
const query = (overrides: Partial<Models.ConversationAggregationQuery> = {}): Models.ConversationAggregationQuery => ({
  interval: DAY,
  metrics: [...CORE_METRICS],
  ...overrides,
});

function run(body: unknown, input: AggregatesInput = INPUT): ConversationAggregateQueryResponse {
  const result = queryConversationAggregates(input, body);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  const response = result.body as ConversationAggregateQueryResponse;
  // Compile-time: our response type must stay assignable to the SDK model.
  const sdk: Models.ConversationAggregateQueryResponse = response;
  return sdk as ConversationAggregateQueryResponse;
}

function expectError(result: EmulatorResult, code: string, messagePart?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.status).toBe(400);
  expect(result.code).toBe(code);
  if (messagePart !== undefined) expect(result.message).toContain(messagePart);
}

const fail = (body: unknown) => queryConversationAggregates(INPUT, body);

const metricOf = (metrics: AggregateMetricData[], name: string): MetricStats | undefined =>
  metrics.find((m) => m.metric === name)?.stats;

// Totals per metric across every group and bucket of a response.
function totals(
  response: ConversationAggregateQueryResponse,
): Map<string, Required<Pick<MetricStats, 'count' | 'sum' | 'min' | 'max'>>> {
  const out = new Map<string, { count: number; sum: number; min: number; max: number }>();
  for (const result of response.results ?? []) {
    for (const data of result.data) {
      for (const { metric, stats } of data.metrics) {
        const count = stats.count ?? stats.denominator ?? 0;
        const sum = stats.sum ?? stats.numerator ?? 0;
        const t = out.get(metric) ?? { count: 0, sum: 0, min: Infinity, max: -Infinity };
        out.set(metric, {
          count: t.count + count,
          sum: t.sum + sum,
          min: Math.min(t.min, stats.min ?? Infinity),
          max: Math.max(t.max, stats.max ?? -Infinity),
        });
      }
    }
  }
  return out;
}

const STAT_KEYS = [
  'max',
  'min',
  'count',
  'countNegative',
  'countPositive',
  'sum',
  'current',
  'ratio',
  'numerator',
  'denominator',
  'target',
  'p95',
  'p99',
  'calculatedMetricValue',
];
const INTERVAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('queryConversationAggregates response shape', () => {
  it('matches ConversationAggregateQueryResponse field for field', () => {
    const response = run(
      query({
        groupBy: ['queueId'],
        views: [{ target: 'tHandle', name: 'handleOver8m', function: 'rangeBound', range: { gte: 480_000 } }],
      }),
    );
    expect(Object.keys(response)).toEqual(['results']);
    expect(response.results?.length).toBe(QUEUES.length);
    for (const result of response.results ?? []) {
      expect(Object.keys(result).sort()).toEqual(['data', 'group']);
      expect(Object.keys(result.group ?? {})).toEqual(['queueId']);
      for (const data of result.data) {
        expect(['interval', 'metrics', 'views']).toEqual(expect.arrayContaining(Object.keys(data)));
        expect(data.interval).toMatch(INTERVAL);
        for (const m of data.metrics) {
          expect(Object.keys(m).sort()).toEqual(['metric', 'stats']);
          expect(METRICS).toContain(m.metric);
          for (const key of Object.keys(m.stats)) expect(STAT_KEYS).toContain(key);
          if (m.metric.startsWith('n')) expect(Object.keys(m.stats)).toEqual(['count']);
          if (m.metric.startsWith('t')) expect(Object.keys(m.stats).sort()).toEqual(['count', 'max', 'min', 'sum']);
          if (m.metric === 'oServiceLevel')
            expect(Object.keys(m.stats).sort()).toEqual(['denominator', 'numerator', 'ratio', 'target']);
        }
        for (const v of data.views ?? []) expect(Object.keys(v.stats)).toEqual(['count']);
      }
    }
  });

  it('uses the whole interval as the single bucket without granularity, and omits group without groupBy', () => {
    const response = run(query());
    expect(response.results).toHaveLength(1);
    const [only] = response.results ?? [];
    expect(only).not.toHaveProperty('group');
    expect(only?.data.map((d) => d.interval)).toEqual([DAY]);
  });

  it('returns metrics in the requested order and leaves out metrics it does not model', () => {
    const response = run(query({ metrics: ['tIvr', 'tAcw', 'nOffered', 'nOffered'] }));
    expect(response.results?.[0]?.data[0]?.metrics.map((m) => m.metric)).toEqual(['tAcw', 'nOffered']);
  });

  it('answers {} when nothing matches (no data yet, before now)', () => {
    expect(run(query({ interval: '2025-06-02T00:00:00Z/2025-06-03T00:00:00Z' }))).toEqual({});
    expect(run(query({ metrics: ['tIvr'] }))).toEqual({});
  });
});

describe('determinism', () => {
  it('answers the same interval identically', () => {
    const body = query({ groupBy: ['queueId', 'mediaType'], granularity: 'PT1H' });
    expect(run(body)).toEqual(run(body));
  });

  it('depends on seed and org', () => {
    const base = totals(run(query())).get('nOffered')?.count;
    expect(totals(run(query(), { ...INPUT, seed: 43 })).get('nOffered')?.count).not.toBe(base);
    expect(totals(run(query(), { ...INPUT, orgId: 'org-b' })).get('nOffered')?.count).not.toBe(base);
  });

  it('reads an offset the same as its UTC equivalent', () => {
    expect(
      run(query({ interval: '2025-05-06T02:00:00+02:00/2025-05-07T02:00:00+02:00' })).results?.[0]?.data[0]?.metrics,
    ).toEqual(run(query()).results?.[0]?.data[0]?.metrics);
  });

  it('does not depend on when the request is made once the interval is complete', () => {
    expect(run(query(), { ...INPUT, now: NOW + 86_400_000 * 30 })).toEqual(run(query()));
  });
});

describe('granularity', () => {
  const whole = totals(run(query({ interval: '2025-05-05T00:00:00Z/2025-05-08T00:00:00Z' })));

  it.each(['PT15M', 'PT30M', 'PT1H', 'PT6H', 'P1D'])('%s buckets add up to the whole interval', (granularity) => {
    const split = run(query({ interval: '2025-05-05T00:00:00Z/2025-05-08T00:00:00Z', granularity }));
    expect(totals(split)).toEqual(whole);
  });

  it('splits into contiguous aligned buckets, cutting the last one at the interval end', () => {
    const response = run(
      query({ interval: '2025-05-06T08:00:00Z/2025-05-06T10:30:00Z', granularity: 'PT1H', metrics: ['nOffered'] }),
    );
    const intervals = response.results?.[0]?.data.map((d) => d.interval);
    expect(intervals).toEqual([
      '2025-05-06T08:00:00.000Z/2025-05-06T09:00:00.000Z',
      '2025-05-06T09:00:00.000Z/2025-05-06T10:00:00.000Z',
      '2025-05-06T10:00:00.000Z/2025-05-06T10:30:00.000Z',
    ]);
  });

  it('treats a granularity longer than the interval as one bucket', () => {
    const response = run(query({ granularity: 'P7D' }));
    expect(response.results?.[0]?.data.map((d) => d.interval)).toEqual([DAY]);
  });

  it('omits empty buckets', () => {
    const response = run(
      query({ interval: '2025-05-06T00:00:00Z/2025-05-06T00:05:00Z', granularity: 'PT1M', groupBy: ['queueId'] }),
    );
    for (const result of response.results ?? []) expect(result.data.length).toBeLessThanOrEqual(5);
  });
});

describe('groupBy and filter', () => {
  const all = totals(run(query())).get('nOffered')?.count ?? 0;
  const queueId = QUEUES[0]?.id ?? '';
  const otherId = QUEUES[1]?.id ?? '';
  const offered = (body: Models.ConversationAggregationQuery) => totals(run(body)).get('nOffered')?.count ?? 0;

  it('has plenty of data to work with', () => {
    expect(all).toBeGreaterThan(50);
  });

  it.each([['queueId'], ['mediaType'], ['direction'], ['queueId', 'mediaType', 'direction'], ['divisionId']])(
    'groupBy %j partitions the total',
    (...groupBy) => {
      const response = run(query({ groupBy }));
      expect(offered(query({ groupBy }))).toBe(all);
      const keys = new Set(response.results?.map((r) => JSON.stringify(r.group)));
      expect(keys.size).toBe(response.results?.length);
      for (const r of response.results ?? []) expect(Object.keys(r.group ?? {}).sort()).toEqual([...groupBy].sort());
    },
  );

  it('reports only known values for the simulated dimensions', () => {
    for (const r of run(query({ groupBy: ['queueId', 'mediaType', 'direction'] })).results ?? []) {
      expect(QUEUES.map((q) => q.id)).toContain(r.group?.queueId);
      expect(['voice', 'message', 'email', 'callback']).toContain(r.group?.mediaType);
      expect(['inbound', 'outbound']).toContain(r.group?.direction);
    }
  });

  it('leaves a dimension with no value out of the group', () => {
    const response = run(query({ groupBy: ['queueId', 'userId'] }));
    for (const r of response.results ?? []) expect(Object.keys(r.group ?? {})).toEqual(['queueId']);
  });

  it('filters on a queue', () => {
    const response = run(
      query({ groupBy: ['queueId'], filter: { type: 'and', predicates: [{ dimension: 'queueId', value: queueId }] } }),
    );
    expect(response.results?.map((r) => r.group?.queueId)).toEqual([queueId]);
  });

  it('combines predicates with or, and clauses with and', () => {
    const either = {
      type: 'or',
      predicates: [
        { dimension: 'queueId', value: queueId },
        { type: 'dimension', dimension: 'queueId', operator: 'matches', value: otherId },
      ],
    };
    const two = offered(query({ filter: either }));
    const voiceOfTwo = offered(
      query({
        filter: {
          type: 'and',
          clauses: [either, { type: 'and', predicates: [{ dimension: 'mediaType', value: 'voice' }] }],
        },
      }),
    );
    const first = offered(query({ filter: { type: 'and', predicates: [{ dimension: 'queueId', value: queueId }] } }));
    expect(two).toBeGreaterThan(first);
    expect(two).toBeLessThan(all);
    expect(voiceOfTwo).toBeGreaterThan(0);
    expect(voiceOfTwo).toBeLessThan(two);
  });

  it('supports exists and notExists', () => {
    expect(
      offered(query({ filter: { type: 'and', predicates: [{ dimension: 'queueId', operator: 'exists' }] } })),
    ).toBe(all);
    expect(
      offered(query({ filter: { type: 'and', predicates: [{ dimension: 'userId', operator: 'notExists' }] } })),
    ).toBe(all);
    expect(run(query({ filter: { type: 'and', predicates: [{ dimension: 'userId', value: 'u1' }] } }))).toEqual({});
  });

  it('counts rangeBound views against the target metric', () => {
    const views = [
      { target: 'tHandle', name: 'anyHandle', function: 'rangeBound', range: { gte: 0 } },
      { target: 'tHandle', name: 'longHandle', function: 'rangeBound', range: { gte: 480_000 } },
    ];
    const data = run(query({ views })).results?.[0]?.data[0];
    const handled = metricOf(data?.metrics ?? [], 'tHandle')?.count ?? 0;
    const count = (name: string) => data?.views?.find((v) => v.name === name)?.stats.count ?? 0;
    expect(count('anyHandle')).toBe(handled);
    expect(count('longHandle')).toBeGreaterThan(0);
    expect(count('longHandle')).toBeLessThan(handled);
  });
});

describe('consistency', () => {
  function checkBucket(metrics: AggregateMetricData[]) {
    const get = (name: string) => metricOf(metrics, name);
    const offered = get('nOffered')?.count ?? 0;
    const handled = get('tHandle')?.count ?? 0;
    const abandoned = get('tAbandon')?.count ?? 0;
    expect(offered).toBeGreaterThan(0);
    expect(handled).toBeLessThanOrEqual(offered);
    expect(handled + abandoned).toBe(offered);
    expect(get('tTalk')?.count ?? 0).toBe(handled);
    expect(get('tAcw')?.count ?? 0).toBe(handled);
    expect(get('tAnswered')?.count ?? 0).toBe(handled);
    expect(get('nTransferred')?.count ?? 0).toBeLessThanOrEqual(handled);
    expect(get('nOverSla')?.count ?? 0).toBeLessThanOrEqual(handled);
    expect(get('tHeld')?.count ?? 0).toBeLessThanOrEqual(handled);
    for (const m of metrics) {
      const { count, sum, min, max } = m.stats;
      if (sum === undefined || min === undefined || max === undefined || count === undefined) continue;
      expect(min).toBeGreaterThan(0);
      expect(min).toBeLessThanOrEqual(max);
      expect(sum).toBeGreaterThanOrEqual(max);
      expect(sum).toBeGreaterThanOrEqual(count * min);
      expect(sum).toBeLessThanOrEqual(count * max);
    }
    if (handled > 0) {
      const handle = get('tHandle')?.sum ?? 0;
      expect(get('tTalk')?.sum ?? 0).toBeLessThan(handle);
      expect(get('tAcw')?.sum ?? 0).toBeLessThan(handle);
      expect((get('tTalk')?.sum ?? 0) + (get('tAcw')?.sum ?? 0) + (get('tHeld')?.sum ?? 0)).toBe(handle);
      expect(get('tTalk')?.max ?? 0).toBeLessThan(get('tHandle')?.max ?? 0);
    }
    const sl = get('oServiceLevel');
    expect(sl?.denominator).toBe(offered);
    expect(sl?.numerator ?? 0).toBeLessThanOrEqual(offered);
    expect(sl?.ratio).toBeCloseTo((sl?.numerator ?? 0) / offered, 12);
  }

  it('holds in every bucket for any seed, queue set, interval and granularity', () => {
    const start = Date.parse('2025-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom(undefined, 'PT15M', 'PT1H', 'PT4H', 'P1D'),
        fc.constantFrom<string[]>([], ['queueId'], ['mediaType', 'direction']),
        (seed, queueCount, startHour, hours, granularity, groupBy) => {
          const queues = seedQueues(mulberry32(seed), ORG, queueCount);
          const from = start + startHour * 3_600_000;
          const interval = `${new Date(from).toISOString()}/${new Date(from + hours * 3_600_000).toISOString()}`;
          const body = query({ interval, groupBy, ...(granularity === undefined ? {} : { granularity }) });
          const response = run(body, { queues, orgId: 'org-p', seed, now: NOW });
          for (const result of response.results ?? []) {
            for (const data of result.data) checkBucket(data.metrics);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has plausible averages and busier daytime hours over a working week', () => {
    const week = '2025-05-05T00:00:00Z/2025-05-10T00:00:00Z';
    const t = totals(run(query({ interval: week })));
    const avg = (name: string) => (t.get(name)?.sum ?? 0) / (t.get(name)?.count ?? 1);
    expect(avg('tHandle')).toBeGreaterThan(3 * 60_000);
    expect(avg('tHandle')).toBeLessThan(8 * 60_000);
    expect(avg('tTalk')).toBeLessThan(avg('tHandle'));
    expect(avg('tAcw')).toBeLessThan(avg('tTalk'));
    const abandonRate = (t.get('tAbandon')?.count ?? 0) / (t.get('nOffered')?.count ?? 1);
    expect(abandonRate).toBeGreaterThan(0.02);
    expect(abandonRate).toBeLessThan(0.15);

    const hourly = run(query({ interval: week, granularity: 'PT1H', metrics: ['nOffered'] }));
    const byHour = new Array<number>(24).fill(0);
    for (const data of hourly.results?.[0]?.data ?? []) {
      const hour = new Date(data.interval.split('/')[0] ?? '').getUTCHours();
      byHour[hour] = (byHour[hour] ?? 0) + (metricOf(data.metrics, 'nOffered')?.count ?? 0);
    }
    const sum = (from: number, to: number) => byHour.slice(from, to).reduce((a, b) => a + b, 0);
    expect(sum(10, 16)).toBeGreaterThan(4 * sum(0, 6));
  });
});

describe('validation', () => {
  it.each([null, [], 'query', 42])('rejects a non-object body %j', (body) => {
    expectError(fail(body), 'bad.request', 'JSON object');
  });

  it('requires interval and metrics', () => {
    expectError(fail({ metrics: ['nOffered'] }), 'bad.request', 'Missing required field [interval]');
    expectError(fail({ interval: DAY }), 'bad.request', 'Missing required field [metrics]');
    expectError(fail({ interval: DAY, metrics: [] }), 'bad.request', 'at least 1');
    expectError(fail({ interval: DAY, metrics: 'nOffered' }), 'bad.request', 'metrics');
    expectError(fail({ interval: 5, metrics: ['nOffered'] }), 'bad.request', 'interval');
  });

  it.each([
    'P1D',
    '2025-05-06',
    '2025-05-06/2025-05-07',
    'a/b',
    '2025-05-06T00:00:00Z',
    '2025-05-06T00:00:00Z/2025-05-07T00:00:00Z/2025-05-08T00:00:00Z',
    '2025-02-30T00:00:00Z/2025-03-02T00:00:00Z',
    '2025-05-06T24:00:00Z/2025-05-07T00:00:00Z',
    '2025-05-06T00:00:00Z/P1D',
  ])('rejects the malformed interval %s as invalid.date', (interval) => {
    expectError(fail(query({ interval })), 'invalid.date', 'ISO-8601');
  });

  it('rejects an interval that ends before or at its start', () => {
    expectError(
      fail(query({ interval: '2025-05-07T00:00:00Z/2025-05-06T00:00:00Z' })),
      'bad.request',
      'end must be after the start',
    );
    expectError(
      fail(query({ interval: '2025-05-06T00:00:00Z/2025-05-06T00:00:00Z' })),
      'bad.request',
      'end must be after the start',
    );
  });

  it('caps the interval at 31 days', () => {
    expect(fail(query({ interval: '2025-04-01T00:00:00Z/2025-05-02T00:00:00Z', metrics: ['nOffered'] })).ok).toBe(true);
    expectError(
      fail(query({ interval: '2025-04-01T00:00:00Z/2025-05-02T00:00:01Z' })),
      'bad.request',
      'maximum is 31 days',
    );
  });

  it('rejects unknown metric names with the invalid.value template', () => {
    const result = fail(query({ metrics: ['nOffered', 'avgHandleTime'] }));
    expectError(
      result,
      'invalid.value',
      'Value [avgHandleTime] is not valid for field type [metrics]. Allowable values are: nBlindTransferred',
    );
    expect(result.ok ? undefined : result.details).toEqual([{ fieldName: 'metrics[1]', errorCode: 'invalid.value' }]);
  });

  it.each(['P1M', 'P1Y', 'PT30S', 'PT90S', 'hourly', 'P', 'PT', 'P1DT', '1H', 'PT0M'])(
    'rejects the granularity %s',
    (granularity) => {
      expectError(fail(query({ granularity })), 'invalid.value', 'granularity');
    },
  );

  it('caps the number of buckets', () => {
    expectError(
      fail(query({ interval: '2025-05-01T00:00:00Z/2025-05-03T00:00:00Z', granularity: 'PT1M' })),
      'bad.request',
      'maximum is 1500',
    );
    expect(
      fail(
        query({ interval: '2025-05-01T00:00:00Z/2025-06-01T00:00:00Z', granularity: 'PT30M', metrics: ['nOffered'] }),
      ).ok,
    ).toBe(true);
  });

  it('validates timeZone against the IANA database', () => {
    expect(fail(query({ timeZone: 'Europe/London' })).ok).toBe(true);
    expectError(fail(query({ timeZone: 'Mars/Olympus' })), 'invalid.value', 'timeZone');
  });

  it('rejects unknown fields, including the invented tutorial shapes', () => {
    expectError(fail({ ...query(), groupings: ['queueId'] }), 'bad.request', 'Unrecognized field [groupings]');
    expectError(
      fail({ ...query(), filter: { type: 'and', predicates: [{ dimension: 'queueId', value: 'x', path: 'y' }] } }),
      'bad.request',
      'filter.predicates[0].path',
    );
  });

  it('rejects unknown enum values everywhere', () => {
    expectError(fail(query({ groupBy: ['queue'] })), 'invalid.value', 'field type [groupBy]');
    expectError(fail(query({ filter: { type: 'xor', predicates: [] } })), 'invalid.value', 'field type [type]');
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ dimension: 'queue', value: 'x' }] } })),
      'invalid.value',
      'field type [dimension]',
    );
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ dimension: 'queueId', operator: 'eq', value: 'x' }] } })),
      'invalid.value',
      'field type [operator]',
    );
    expectError(fail(query({ alternateTimeDimension: 'startTime' })), 'invalid.value', 'alternateTimeDimension');
    expectError(
      fail(query({ views: [{ target: 'tHandle', name: 'v', function: 'sum' }] })),
      'invalid.value',
      'function',
    );
  });

  it('rejects filters it cannot evaluate', () => {
    expectError(fail(query({ filter: { type: 'and' } })), 'bad.request', 'at least one predicate or clause');
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ dimension: 'queueId' }] } })),
      'bad.request',
      'needs a value',
    );
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ operator: 'exists' }] } })),
      'bad.request',
      'missing its dimension',
    );
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ type: 'metric', dimension: 'queueId', value: 'x' }] } })),
      'bad.request',
      'only dimension predicates',
    );
    expectError(
      fail(query({ filter: { type: 'and', predicates: [{ dimension: 'queueId', range: { gte: 1 } }] } })),
      'bad.request',
      'range',
    );
    expectError(
      fail(query({ filter: { type: 'and', clauses: [{ type: 'or', predicates: [] }] } })),
      'bad.request',
      'filter.clauses[0].predicates',
    );
  });

  it('rejects topN/bottomN and malformed views', () => {
    expectError(
      fail(query({ queryType: 'topN', sortMetric: { name: 'nOffered', function: 'count' }, limit: 5 })),
      'bad.request',
      'queryType',
    );
    expect(fail(query({ queryType: 'groupBy' })).ok).toBe(true);
    const view = { target: 'tHandle', function: 'rangeBound', range: { gte: 1 } };
    expectError(
      fail(
        query({
          views: [
            { ...view, name: 'a' },
            { ...view, name: 'a' },
          ],
        }),
      ),
      'bad.request',
      'distinct',
    );
    expectError(fail(query({ views: [{ ...view, name: 'tHandle' }] })), 'bad.request', 'distinct');
    expectError(
      fail(query({ views: [{ target: 'tHandle', function: 'rangeBound', name: 'noRange' }] })),
      'bad.request',
      'needs a range',
    );
  });
});
