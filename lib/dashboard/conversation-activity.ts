import 'server-only';
import { listQueues, queryConversationAggregates } from '../genesys';
import { ACTIVITY_METRICS, tallyByQueue, toActivityRows, totalsOf } from './queue-activity';
import { connect, type DashboardSource } from './source';
import type { ConversationActivity } from './types';

const DAY_MS = 86_400_000;
/** Queues drawn on the dashboard; the rest are counted, not listed. */
export const TOP_QUEUES = 10;

/** The last 24 hours up to the current minute, as the aggregates API wants it ("start/end"). */
export function lastDayInterval(now: number): string {
  const end = Math.floor(now / 60_000) * 60_000;
  return `${new Date(end - DAY_MS).toISOString()}/${new Date(end).toISOString()}`;
}

/**
 * Offered, handled and average handle time per queue over the last 24 hours: one aggregates
 * query grouped by queueId (no granularity: one bucket per queue), the queue total from a
 * one-entry page, then names for just the busiest queues. Three calls whatever the queue count.
 */
export async function loadConversationActivity(
  source: DashboardSource,
  now: number = Date.now(),
): Promise<ConversationActivity> {
  const [connection, options] = await connect(source);
  const { client } = source.genesys;
  const interval = lastDayInterval(now);
  const [aggregates, queuePage] = await Promise.all([
    queryConversationAggregates(
      client,
      connection,
      { interval, groupBy: ['queueId'], metrics: [...ACTIVITY_METRICS] },
      options,
    ),
    listQueues(client, connection, { pageSize: 1 }, options),
  ]);
  const tallies = tallyByQueue(aggregates);
  const busiest = toActivityRows(tallies, new Map()).slice(0, TOP_QUEUES);
  const ids = busiest.map((row) => row.queueId);
  const named =
    ids.length === 0 ? [] : (await listQueues(client, connection, { id: ids, pageSize: ids.length }, options)).entities;
  const names = new Map(named.map((queue) => [queue.id, queue.name]));
  return {
    interval,
    rows: busiest.map((row) => ({ ...row, name: names.get(row.queueId) ?? null })),
    activeQueues: tallies.size,
    totalQueues: queuePage.total ?? null,
    totals: totalsOf(tallies),
  };
}
