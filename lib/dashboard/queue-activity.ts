/**
 * Turns a conversations aggregates answer grouped by queueId into per-queue rows. Pure (no
 * server-only): tested on its own and against the emulator through the loader.
 */
import type { ConversationAggregateResponse } from '../genesys/schemas/analytics';
import type { QueueActivityRow } from './types';

export const ACTIVITY_METRICS = ['nOffered', 'tHandle'] as const;

interface Tally {
  offered: number;
  handled: number;
  handleSumMs: number;
}

/** Adds up every bucket of every group (a group may span several intervals or media types). */
export function tallyByQueue(response: ConversationAggregateResponse): Map<string, Tally> {
  const byQueue = new Map<string, Tally>();
  for (const result of response.results) {
    const queueId = result.group?.queueId;
    if (!queueId) continue; // conversations that never reached a queue
    const tally = byQueue.get(queueId) ?? { offered: 0, handled: 0, handleSumMs: 0 };
    for (const bucket of result.data) {
      for (const { metric, stats } of bucket.metrics) {
        if (metric === 'nOffered') tally.offered += stats.count ?? 0;
        if (metric === 'tHandle') {
          tally.handled += stats.count ?? 0;
          tally.handleSumMs += stats.sum ?? 0;
        }
      }
    }
    byQueue.set(queueId, tally);
  }
  return byQueue;
}

export const averageOf = (sumMs: number, count: number): number | null =>
  count > 0 ? Math.round(sumMs / count) : null;

/** Busiest first (by offered, then handled), queue id as the tie-break so the order is stable. */
export function toActivityRows(tallies: Map<string, Tally>, names: Map<string, string>): QueueActivityRow[] {
  return [...tallies.entries()]
    .map(([queueId, t]) => ({
      queueId,
      name: names.get(queueId) ?? null,
      offered: t.offered,
      handled: t.handled,
      averageHandleMs: averageOf(t.handleSumMs, t.handled),
    }))
    .sort((a, b) => b.offered - a.offered || b.handled - a.handled || a.queueId.localeCompare(b.queueId));
}

export function totalsOf(tallies: Map<string, Tally>) {
  let offered = 0;
  let handled = 0;
  let handleSumMs = 0;
  for (const t of tallies.values()) {
    offered += t.offered;
    handled += t.handled;
    handleSumMs += t.handleSumMs;
  }
  return { offered, handled, averageHandleMs: averageOf(handleSumMs, handled) };
}
