// Per-token request budget (genesys-api.md §11: 300/min per client-credentials token).
// The real algorithm is UNVERIFIED, so the emulator uses the strictest reading: at most N
// requests in ANY rolling 60-second span. A portal that paces correctly against this will
// also pass against a fixed-window or token-bucket server.

const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  check(key: string, limitPerMinute: number, now: number): RateDecision;
  /** Keys (tokens) with a window held (diagnostics and tests). */
  size(): number;
  clear(): void;
};

/** Idle windows are swept once per this many checks (O(1) amortised). */
export const WINDOW_SWEEP_INTERVAL = 1024;

/**
 * Stamps of one token; those before `head` have left the window (dropped in bulk, not per
 * check). `ordered` is false once a hand-driven clock went back: then the exact filter runs.
 */
type Window = { stamps: number[]; head: number; ordered: boolean };

/**
 * Drops the stamps that left the span. Amortised O(1): the head only moves forward and the array
 * is compacted once half of it is dead. Filtering the whole array on every check made a busy
 * token cost O(requests in the last minute) per request (the proxy benchmark at 2 000 req/s on
 * one token spent most of its time there).
 */
function expire(window: Window, cutoff: number): void {
  if (!window.ordered) {
    window.stamps = window.stamps.slice(window.head).filter((stamp) => stamp > cutoff);
    window.head = 0;
    window.ordered = window.stamps.every((stamp, i, all) => i === 0 || all[i - 1]! <= stamp);
    return;
  }
  const { stamps } = window;
  while (window.head < stamps.length && stamps[window.head]! <= cutoff) window.head++;
  if (window.head > 1024 && window.head * 2 > stamps.length) {
    window.stamps = stamps.slice(window.head);
    window.head = 0;
  }
}

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, Window>();
  let checksSinceSweep = 0;
  return {
    check(key, limitPerMinute, now) {
      // One window per token ever used would grow without bound; a window whose newest stamp
      // has left the 60 s span holds no information and is dropped.
      if (++checksSinceSweep >= WINDOW_SWEEP_INTERVAL) {
        checksSinceSweep = 0;
        for (const [held, { stamps }] of windows)
          if ((stamps[stamps.length - 1] ?? 0) <= now - WINDOW_MS) windows.delete(held);
      }
      let window = windows.get(key);
      if (!window) windows.set(key, (window = { stamps: [], head: 0, ordered: true }));
      expire(window, now - WINDOW_MS);
      const count = window.stamps.length - window.head;
      if (count < limitPerMinute) {
        if (now < (window.stamps[window.stamps.length - 1] ?? now)) window.ordered = false;
        window.stamps.push(now);
        return { allowed: true };
      }
      // The request that frees a slot is the oldest one inside the window (limit ≥ 1 here;
      // a limit of 0 blocks for a full window).
      const oldest = window.stamps[window.stamps.length - limitPerMinute] ?? now;
      const waitMs = limitPerMinute <= 0 ? WINDOW_MS : oldest + WINDOW_MS - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    size: () => windows.size,
    clear: () => windows.clear(),
  };
}
