import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBackoff } from '@/lib/genesys/backoff';

describe('computeBackoff (full jitter)', () => {
  it('spans [0, base·2^(n-1)) and grows exponentially', () => {
    const options = { baseMs: 100, capMs: 10_000 };
    expect(computeBackoff(1, { ...options, random: () => 0 })).toBe(0);
    expect(computeBackoff(1, { ...options, random: () => 0.5 })).toBe(50);
    expect(computeBackoff(3, { ...options, random: () => 0.5 })).toBe(200);
    expect(computeBackoff(3, { ...options, random: () => 0.999999 })).toBe(399);
  });

  it('never exceeds the cap, whatever the attempt and random source', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (retry, baseMs, capMs, sample) => {
          const wait = computeBackoff(retry, { baseMs, capMs, random: () => sample });
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThan(capMs);
          expect(Number.isInteger(wait)).toBe(true);
        },
      ),
    );
  });
});
