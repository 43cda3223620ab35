/**
 * GCRA (generic cell rate algorithm): pacing that respects a ROLLING window.
 *
 * Genesys allows L requests per minute per token; the emulator (and the conservative reading
 * of the real API) counts them over ANY 60 s span W. A token bucket of capacity L lets 2L
 * through in one span (a full bucket drained, then refilled), so we pace instead:
 *
 *   emission interval T = W / Lp, burst tolerance τ = B·T. A request at t conforms when
 *   t ≥ TAT − τ, and then TAT ← max(TAT, t) + T (TAT = theoretical arrival time).
 *   After k admissions from t1, TAT ≥ t1 + k·T, so the n-th admission has
 *   tn ≥ t1 + (n − 1)·T − τ. Inside a window of length W: (n − 1)·T − B·T ≤ W,
 *   i.e. n ≤ Lp + B + 1. Choosing Lp = L − B − 1 gives n ≤ L in every window.
 *
 * The emulator's window is half-open (strictly less than W), where the bound is Lp + B = L − 1:
 * one spare request per window for traffic that is not paced (the binding check on a fresh
 * token). T is rounded UP to whole ms, which only slows us down. Before that, safetyFraction
 * shaves the limit for what the algebra cannot see: clock skew between instances and uneven
 * network latency (a request sent at its slot can land next to a later one).
 */
import type { RateReservation } from './rate-store';

const WINDOW_MS = 60_000;

export const DEFAULT_SAFETY_FRACTION = 0.02;
export const MAX_DEFAULT_BURST = 10;

export interface GcraParameters {
  emissionIntervalMs: number;
  burstToleranceMs: number;
  /** Lp: the sustained requests per minute. */
  sustainedPerMinute: number;
  burst: number;
}

/** Defaults: burst = 5 % of the limit, at most 10 (300/min → B 10, Lp 283, T 213 ms). */
export function gcraParameters(
  limitPerMinute: number,
  options: { burst?: number; safetyFraction?: number } = {},
): GcraParameters {
  const safety = options.safetyFraction ?? DEFAULT_SAFETY_FRACTION;
  const limit = Math.max(1, Math.floor(limitPerMinute * (1 - safety)));
  const wanted = options.burst ?? Math.min(MAX_DEFAULT_BURST, Math.floor(limit * 0.05));
  // Keep Lp ≥ 1: a burst so large that nothing is left to sustain is cut down.
  const burst = Math.max(0, Math.min(Math.floor(wanted), limit - 2));
  const sustained = Math.max(1, limit - burst - 1);
  const emissionIntervalMs = Math.ceil(WINDOW_MS / sustained);
  return { emissionIntervalMs, burstToleranceMs: burst * emissionIntervalMs, sustainedPerMinute: sustained, burst };
}

export interface GcraState {
  tatMs: number;
  holdUntilMs?: number;
}

/**
 * One reservation step, the reference for the Redis Lua script (redis-rate-store.ts).
 * A hold (429) moves TAT to hold + τ, so after it only one request goes at a time, spaced T.
 */
export function gcraReserve(
  state: GcraState | undefined,
  nowMs: number,
  emissionIntervalMs: number,
  burstToleranceMs: number,
  maxWaitMs: number,
): { reservation: RateReservation; next?: GcraState } {
  let tat = Math.max(state?.tatMs ?? nowMs, nowMs);
  const hold = state?.holdUntilMs;
  if (hold !== undefined) tat = Math.max(tat, hold + burstToleranceMs);
  const allowedAtMs = Math.max(nowMs, tat - burstToleranceMs);
  const waitMs = allowedAtMs - nowMs;
  if (waitMs > maxWaitMs) return { reservation: { rejectedRetryAfterMs: waitMs } };
  return { reservation: { allowedAtMs }, next: { tatMs: tat + emissionIntervalMs, holdUntilMs: hold } };
}
