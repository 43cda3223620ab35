/**
 * Where the rate governor keeps each tenant's schedule. One implementation per deployment
 * shape (lib/upstream: in-memory for one instance, Redis for several); every operation is
 * atomic, and `now` always comes from the caller so tests can drive time with a fake clock.
 */

export type RateReservation =
  /** The slot is taken: the caller may send at allowedAtMs (may be now). */
  | { allowedAtMs: number }
  /** The wait would exceed maxWaitMs; nothing was consumed. */
  | { rejectedRetryAfterMs: number };

export interface RateStore {
  /** One GCRA step (see rate-gcra.ts), atomically: decide, and consume the slot if allowed. */
  reserve(
    key: string,
    nowMs: number,
    emissionIntervalMs: number,
    burstToleranceMs: number,
    maxWaitMs: number,
  ): Promise<RateReservation>;
  /** Upstream said 429: no reservation may start before untilMs (never shortens a hold). */
  hold(key: string, nowMs: number, untilMs: number): Promise<void>;
  /** The latest hold, for callers that reserved before it landed. */
  heldUntil(key: string): Promise<number | undefined>;
}
