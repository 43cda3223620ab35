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

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, number[]>();
  let checksSinceSweep = 0;
  return {
    check(key, limitPerMinute, now) {
      // One window per token ever used would grow without bound; a window whose newest stamp
      // has left the 60 s span holds no information and is dropped.
      if (++checksSinceSweep >= WINDOW_SWEEP_INTERVAL) {
        checksSinceSweep = 0;
        for (const [held, stamps] of windows)
          if ((stamps[stamps.length - 1] ?? 0) <= now - WINDOW_MS) windows.delete(held);
      }
      const stamps = (windows.get(key) ?? []).filter((stamp) => stamp > now - WINDOW_MS);
      windows.set(key, stamps);
      if (stamps.length < limitPerMinute) {
        stamps.push(now);
        return { allowed: true };
      }
      // The request that frees a slot is the oldest one inside the window (limit ≥ 1 here;
      // a limit of 0 blocks for a full window).
      const oldest = stamps[stamps.length - limitPerMinute] ?? now;
      const waitMs = limitPerMinute <= 0 ? WINDOW_MS : oldest + WINDOW_MS - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    size: () => windows.size,
    clear: () => windows.clear(),
  };
}
