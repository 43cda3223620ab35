import type { Queue } from '../routing/index';
import { poisson, rngFor } from './prng';

// One synthetic queue conversation. Every metric is derived from these fields, which is what
// keeps the aggregates internally consistent (handle = talk + hold + acw, answered + abandoned
// = offered, ...). All metrics are attributed to the moment the conversation was offered. The
// real API files each metric at its own emit time (tHandle when wrap-up ends, tAnswered on
// answer: developer.genesys.cloud/forum/t/conversation-aggregates-api-call/18235); we trade that
// for per-bucket invariants a test can assert (tHandle.count <= nOffered.count in every bucket).
export type MediaType = 'voice' | 'message' | 'email' | 'callback';
export type Direction = 'inbound' | 'outbound';

export type SyntheticConversation = {
  queueId: string;
  divisionId: string;
  mediaType: MediaType;
  direction: Direction;
  offeredAt: number;
  endedAt: number;
  waitMs: number;
  answered: boolean;
  talkMs: number;
  heldMs: number;
  acwMs: number;
  transferred: boolean;
  serviceLevelMs: number;
  serviceLevelTarget: number;
};

export type DataSource = { queues: Queue[]; orgId: string; seed: number; now: number };

const HOUR_MS = 3_600_000;
// Relative volume by UTC hour: quiet nights, a morning ramp, a lunch dip, a long afternoon.
const HOURLY_SHAPE = [
  0.05, 0.03, 0.03, 0.03, 0.05, 0.1, 0.25, 0.5, 0.8, 0.95, 1, 1, 0.85, 0.95, 1, 0.95, 0.85, 0.7, 0.5, 0.35, 0.25, 0.15,
  0.1, 0.07,
];
const WEEKEND_FACTOR = 0.35;

const MEDIA_MIX: ReadonlyArray<readonly [MediaType, number]> = [
  ['voice', 0.7],
  ['message', 0.15],
  ['email', 0.1],
  ['callback', 0.05],
];

function pickMedia(r: number): MediaType {
  let acc = 0;
  for (const [media, share] of MEDIA_MIX) {
    acc += share;
    if (r < acc) return media;
  }
  return 'voice';
}

const settingFor = (queue: Queue, media: MediaType) =>
  media === 'voice' ? queue.mediaSettings.call : queue.mediaSettings[media];

// Averages of three uniforms: a cheap bell-ish shape so min/max are spread but sums look sane.
const bell = (rng: () => number): number => (rng() + rng() + rng()) / 3;

function conversation(rng: () => number, queue: Queue, hourStart: number): SyntheticConversation {
  const mediaType = pickMedia(rng());
  const direction: Direction = rng() < 0.92 ? 'inbound' : 'outbound';
  const offeredAt = hourStart + Math.floor(rng() * HOUR_MS);
  const answered = rng() >= (mediaType === 'email' ? 0.01 : 0.08);
  // Email waits are minutes to hours; real-time media waits are seconds to a few minutes.
  const waitMs =
    mediaType === 'email'
      ? 120_000 + Math.floor(bell(rng) * 7_200_000)
      : 1_000 + Math.floor(rng() * rng() * (answered ? 60_000 : 180_000));
  // Talk 1-9 min (mean ~5), hold on a quarter of calls, wrap-up 15-135 s: handle averages ~6 min.
  const talkMs = answered ? 60_000 + Math.floor(bell(rng) * 480_000) : 0;
  const heldMs = answered && rng() < 0.25 ? 10_000 + Math.floor(rng() * 110_000) : 0;
  const acwMs = answered ? 15_000 + Math.floor(rng() * 120_000) : 0;
  const transferred = answered && rng() < 0.07;
  const setting = settingFor(queue, mediaType);
  return {
    queueId: queue.id,
    divisionId: queue.division.id,
    mediaType,
    direction,
    offeredAt,
    endedAt: offeredAt + waitMs + talkMs + heldMs + acwMs,
    waitMs,
    answered,
    talkMs,
    heldMs,
    acwMs,
    transferred,
    serviceLevelMs: setting.serviceLevel.durationMs,
    serviceLevelTarget: setting.serviceLevel.percentage,
  };
}

// Busiest hour rate per queue, 2-30 offers/hour, so queues differ but stay stable over time.
const peakRate = (source: DataSource, queue: Queue): number =>
  2 + rngFor(source.seed, source.orgId, queue.id, 'scale')() * 28;

export function conversationsInHour(source: DataSource, queue: Queue, hourIndex: number): SyntheticConversation[] {
  const hourStart = hourIndex * HOUR_MS;
  const date = new Date(hourStart);
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const lambda = peakRate(source, queue) * (HOURLY_SHAPE[date.getUTCHours()] ?? 0) * (weekend ? WEEKEND_FACTOR : 1);
  const rng = rngFor(source.seed, source.orgId, queue.id, hourIndex);
  const count = poisson(rng, lambda);
  const created = Date.parse(queue.dateCreated);
  const out: SyntheticConversation[] = [];
  for (let i = 0; i < count; i += 1) {
    const c = conversation(rng, queue, hourStart);
    // No history before the queue existed; nothing that has not finished by "now".
    if (c.offeredAt >= created && c.endedAt <= source.now) out.push(c);
  }
  return out;
}

// Every conversation of every queue offered in [startMs, endMs), in queue then time order.
export function* conversationsBetween(
  source: DataSource,
  startMs: number,
  endMs: number,
): Generator<SyntheticConversation> {
  const firstHour = Math.floor(startMs / HOUR_MS);
  const lastHour = Math.ceil(endMs / HOUR_MS);
  for (const queue of source.queues) {
    for (let hour = firstHour; hour < lastHour; hour += 1) {
      for (const c of conversationsInHour(source, queue, hour)) {
        if (c.offeredAt >= startMs && c.offeredAt < endMs) yield c;
      }
    }
  }
}
