/**
 * Exponential backoff with FULL jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): the wait is uniform in [0, min(cap, base·2^(n-1))). Full jitter spreads a herd of
 * retrying instances better than equal or no jitter. Only used when the server gave no
 * Retry-After; a Retry-After is always honoured exactly.
 */

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 500, capMs: 30_000 } as const;

/** Wait before retry number `retry` (1 = the first retry). */
export function computeBackoff(retry: number, options: BackoffOptions): number {
  const exponent = Math.min(Math.max(retry - 1, 0), 30);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  const sample = Math.min(Math.max(options.random(), 0), 1);
  // random() may return exactly 1 from a sloppy source; stay strictly below the ceiling.
  return Math.min(Math.floor(sample * ceiling), Math.max(ceiling - 1, 0));
}
