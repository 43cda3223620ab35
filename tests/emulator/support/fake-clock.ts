// A clock tests drive by hand: token expiry and rate-limit windows without real waiting.
export type FakeClock = {
  now: () => number;
  advance(ms: number): void;
  /** Advances the clock instead of waiting, and records what was asked for. */
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
};

export function createFakeClock(start = Date.parse('2026-03-01T12:00:00.000Z')): FakeClock {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    sleep(ms) {
      sleeps.push(ms);
      current += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}
