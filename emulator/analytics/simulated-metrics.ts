import type { MetricName } from './query-enums';
import type { SyntheticConversation } from './synthetic-conversations';

// What each simulated metric observes on one conversation (undefined = no observation).
// Meanings follow the Genesys metric names: n* count events, t* are durations in ms.
// Metrics the emulator does not model (tIvr, nConsult, ...) are valid in a query but never
// observed, so they are simply absent from the response, as on the real API when no data exists.
export type Observation = (c: SyntheticConversation) => number | undefined;

const whenAnswered =
  (f: (c: SyntheticConversation) => number): Observation =>
  (c) =>
    c.answered ? f(c) : undefined;
const one =
  (test: (c: SyntheticConversation) => boolean): Observation =>
  (c) =>
    test(c) ? 1 : undefined;
const handle = (c: SyntheticConversation) => c.talkMs + c.heldMs + c.acwMs;

export const SIMULATED_METRICS: Partial<Record<MetricName, Observation>> = {
  nOffered: () => 1,
  nConversations: () => 1,
  nConnected: one((c) => c.answered),
  nTransferred: one((c) => c.transferred),
  nOverSla: one((c) => c.answered && c.waitMs > c.serviceLevelMs),
  tAnswered: whenAnswered((c) => c.waitMs),
  tAbandon: (c) => (c.answered ? undefined : c.waitMs),
  // No flow-outs are simulated, so time in ACD and wait cover the same stretch of queue time.
  tAcd: (c) => c.waitMs,
  tWait: (c) => c.waitMs,
  tTalk: whenAnswered((c) => c.talkMs),
  tTalkComplete: whenAnswered((c) => c.talkMs),
  tHeld: (c) => (c.heldMs > 0 ? c.heldMs : undefined),
  tHeldComplete: (c) => (c.heldMs > 0 ? c.heldMs : undefined),
  tAcw: whenAnswered((c) => c.acwMs),
  tHandle: whenAnswered(handle),
};

// oServiceLevel is a ratio, not a sum: answered within the queue's service-level window over
// everything that left the queue (answered + abandoned). Which abandons count is an org setting
// on the real platform (UNVERIFIED default); this is the plain reading.
export const serviceLevelNumerator = (c: SyntheticConversation): number =>
  c.answered && c.waitMs <= c.serviceLevelMs ? 1 : 0;

export const isCountMetric = (metric: MetricName): boolean => metric.startsWith('n');
