// A discrete-event clock for tests: sleep() parks the caller until the test moves time on.
// `drive()` runs a workload to completion by jumping to the next wake-up whenever nothing
// else can happen: no tracked I/O in flight and a few macrotask turns without progress.
import type { Clock } from '../../../../lib/genesys/ports';

type Sleeper = { at: number; seq: number; wake: () => void };

export interface FakeClock extends Clock {
  // Arrow-typed so tests can pass clock.now around unbound.
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  advance(ms: number): void;
  /** Wraps a promise-returning call so drive() waits for it before moving time. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly sleepers: number;
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let seq = 0;
  let inflight = 0;
  const sleepers: Sleeper[] = [];

  const fireDue = () => {
    sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (sleepers[0] && sleepers[0].at <= now) sleepers.shift()!.wake();
  };

  const clock = {
    now: () => now,
    sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      return new Promise<void>((resolve, reject) => {
        const sleeper: Sleeper = { at: now + Math.max(0, ms), seq: seq++, wake: () => resolve() };
        signal?.addEventListener(
          'abort',
          () => {
            const index = sleepers.indexOf(sleeper);
            if (index >= 0) sleepers.splice(index, 1);
            reject(signal.reason as Error);
          },
          { once: true },
        );
        sleepers.push(sleeper);
        if (ms <= 0) fireDue();
      });
    },
    advance(ms: number) {
      now += ms;
      fireDue();
    },
    /** Jumps to the earliest wake-up (false when nobody sleeps). */
    next(): boolean {
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = sleepers[0];
      if (!first) return false;
      now = Math.max(now, first.at);
      fireDue();
      return true;
    },
    async track<T>(work: Promise<T>): Promise<T> {
      inflight++;
      try {
        return await work;
      } finally {
        inflight--;
      }
    },
    get sleepers() {
      return sleepers.length;
    },
    get inflight() {
      return inflight;
    },
  };
  return clock;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` to completion under the fake clock; throws if it can make no progress. */
export async function drive<T>(clock: FakeClock, work: Promise<T>, maxSteps = 1_000_000): Promise<T> {
  const internals = clock as FakeClock & { next(): boolean; inflight: number };
  let settled = false;
  const outcome = work.then(
    (value) => ((settled = true), value),
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  outcome.catch(() => undefined);
  for (let step = 0; !settled && step < maxSteps; step++) {
    await turn();
    if (settled) break;
    if (internals.inflight > 0) continue;
    await turn();
    await turn();
    if (settled || internals.inflight > 0) continue;
    if (!internals.next()) throw new Error('drive: no sleeper and no I/O in flight, but the work is not done');
  }
  return outcome;
}
