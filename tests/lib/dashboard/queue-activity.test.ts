import { describe, expect, it } from 'vitest';
import type { ConversationAggregateResponse } from '@/lib/genesys';
import { averageOf, tallyByQueue, toActivityRows, totalsOf } from '@/lib/dashboard/queue-activity';

type Bucket = ConversationAggregateResponse['results'][number]['data'][number];

const bucket = (offered: number, handled: number, sum: number): Bucket => ({
  interval: 'a/b',
  metrics: [
    { metric: 'nOffered', stats: { count: offered } },
    ...(handled > 0 ? [{ metric: 'tHandle', stats: { count: handled, sum, min: 1, max: 2 } }] : []),
  ],
});

describe('queue activity from an aggregates answer', () => {
  const response: ConversationAggregateResponse = {
    results: [
      { group: { queueId: 'q-b' }, data: [bucket(10, 8, 8 * 300_000), bucket(5, 4, 4 * 150_000)] },
      { group: { queueId: 'q-a' }, data: [bucket(15, 0, 0)] },
      { group: { queueId: 'q-c' }, data: [bucket(2, 2, 2 * 60_000)] },
      { group: {}, data: [bucket(99, 99, 1)] }, // no queue: never attributed to one
    ],
  };

  it('adds every bucket per queue, averages handle time over handled, orders busiest first', () => {
    const rows = toActivityRows(tallyByQueue(response), new Map([['q-b', 'Billing']]));
    // q-a and q-b tie on offered: the one that handled more comes first.
    expect(rows).toEqual([
      { queueId: 'q-b', name: 'Billing', offered: 15, handled: 12, averageHandleMs: 250_000 },
      { queueId: 'q-a', name: null, offered: 15, handled: 0, averageHandleMs: null },
      { queueId: 'q-c', name: null, offered: 2, handled: 2, averageHandleMs: 60_000 },
    ]);
  });

  it('totals are over all queues, the average weighted by handled conversations', () => {
    expect(totalsOf(tallyByQueue(response))).toEqual({ offered: 32, handled: 14, averageHandleMs: 222_857 });
  });

  it('an empty answer has no rows and no average', () => {
    const empty = tallyByQueue({ results: [] });
    expect(toActivityRows(empty, new Map())).toEqual([]);
    expect(totalsOf(empty)).toEqual({ offered: 0, handled: 0, averageHandleMs: null });
    expect(averageOf(0, 0)).toBeNull();
  });
});
