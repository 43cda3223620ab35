// Seeded data must not depend on the wall clock (determinism), so dates are offsets from a
// fixed reference instant rather than from now().
import { type Rng, randomInt } from '../prng';

export const REFERENCE_TIME = Date.parse('2026-01-01T00:00:00.000Z');
const DAY_MS = 86_400_000;

/** An ISO instant between `maxDaysAgo` and `minDaysAgo` days before the reference time. */
export const seededPastIso = (rng: Rng, minDaysAgo: number, maxDaysAgo: number): string =>
  new Date(REFERENCE_TIME - randomInt(rng, minDaysAgo * DAY_MS, maxDaysAgo * DAY_MS)).toISOString();

/** Genesys renders instants with millisecond precision and a Z suffix. */
export const toIso = (epochMs: number): string => new Date(epochMs).toISOString();
