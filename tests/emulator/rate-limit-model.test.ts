/**
 * The emulator's rolling-window limiter drops expired stamps in bulk (for speed under load); it
 * must decide exactly as the plain model does (filter the last 60 s on every check), also when
 * a hand-driven clock goes backwards and across the compaction of long windows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateDecision } from '@/emulator/auth/rate-limit';

function modelLimiter() {
  const windows = new Map<string, number[]>();
  return (key: string, limit: number, now: number): RateDecision => {
    const stamps = (windows.get(key) ?? []).filter((stamp) => stamp > now - 60_000);
    windows.set(key, stamps);
    if (stamps.length < limit) {
      stamps.push(now);
      return { allowed: true };
    }
    const oldest = stamps[stamps.length - limit] ?? now;
    const waitMs = limit <= 0 ? 60_000 : oldest + 60_000 - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  };
}

const step = fc.record({
  key: fc.constantFrom('token-a', 'token-b'),
  // Mostly forward, sometimes back: tests drive the emulator's clock by hand.
  advanceMs: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -5_000, max: 70_000 })),
});

describe('emulator rate limiter', () => {
  it('decides like the plain rolling-window model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_500 }), fc.array(step, { maxLength: 600 }), (limit, steps) => {
        const limiter = createRateLimiter();
        const model = modelLimiter();
        let now = 1_000_000;
        for (const { key, advanceMs } of steps) {
          now += advanceMs;
          expect(limiter.check(key, limit, now)).toEqual(model(key, limit, now));
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('stays exact across compaction of a long, busy window', () => {
    const limiter = createRateLimiter();
    const model = modelLimiter();
    for (let i = 0; i < 20_000; i++) {
      const now = i * 7; // ~8 500 stamps inside any 60 s
      expect(limiter.check('busy', 9_000, now)).toEqual(model('busy', 9_000, now));
    }
  });
});
