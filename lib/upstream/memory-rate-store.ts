/** RateStore for a single instance: the reference GCRA step over a Map (atomic: no awaits). */
import { gcraReserve, type GcraState } from '../genesys/rate-gcra';
import type { RateStore } from '../genesys/rate-store';

export function createMemoryRateStore(): RateStore {
  const states = new Map<string, GcraState>();
  return {
    reserve(key, nowMs, emissionIntervalMs, burstToleranceMs, maxWaitMs) {
      const { reservation, next } = gcraReserve(
        states.get(key),
        nowMs,
        emissionIntervalMs,
        burstToleranceMs,
        maxWaitMs,
      );
      if (next) states.set(key, next);
      return Promise.resolve(reservation);
    },
    hold(key, nowMs, untilMs) {
      const state = states.get(key) ?? { tatMs: nowMs };
      state.holdUntilMs = Math.max(state.holdUntilMs ?? untilMs, untilMs);
      states.set(key, state);
      return Promise.resolve();
    },
    heldUntil: (key) => Promise.resolve(states.get(key)?.holdUntilMs),
  };
}
