// Per-token request budget (genesys-api.md §11: 300/min per client-credentials token).
// The real algorithm is UNVERIFIED, so the emulator uses the strictest reading: at most N
// requests in ANY rolling 60-second span. A portal that paces correctly against this will
// also pass against a fixed-window or token-bucket server.

const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  check(key: string, limitPerMinute: number, now: number): RateDecision;
  clear(): void;
};

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, number[]>();
  return {
    check(key, limitPerMinute, now) {
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
    clear: () => windows.clear(),
  };
}
