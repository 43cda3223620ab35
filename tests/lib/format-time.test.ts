import { describe, expect, it } from 'vitest';
import { formatRelative, formatSpan, formatUtc } from '@/lib/format-time';

const NOW = Date.UTC(2026, 10, 22, 23, 26, 5);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const DAY = 24 * H;

describe('formatRelative', () => {
  it('is "just now" within 45 s either way, then counts seconds', () => {
    expect(formatRelative(NOW, NOW)).toBe('just now');
    expect(formatRelative(NOW - 44 * S, NOW)).toBe('just now');
    expect(formatRelative(NOW + 44 * S, NOW)).toBe('just now');
    expect(formatRelative(NOW - 45 * S, NOW)).toBe('45 s ago');
    expect(formatRelative(NOW + 50 * S, NOW)).toBe('in 50 s');
  });

  it('minutes, then hours with their minutes below 10 h, then whole hours, then days', () => {
    expect(formatRelative(NOW - 5 * MIN, NOW)).toBe('5 min ago');
    expect(formatRelative(NOW + 3 * H + 20 * MIN, NOW)).toBe('in 3 h 20 min');
    expect(formatRelative(NOW - 2 * H, NOW)).toBe('2 h ago');
    expect(formatRelative(NOW + 23 * H, NOW)).toBe('in 23 h');
    expect(formatRelative(NOW + 23 * H + 55 * MIN, NOW)).toBe('in 24 h');
    expect(formatRelative(NOW + 3 * DAY, NOW)).toBe('in 3 days');
    expect(formatRelative(NOW - 30 * DAY, NOW)).toBe('30 days ago');
  });

  it('rounds before it picks the unit: never "60 s" or "60 min"', () => {
    expect(formatRelative(NOW - (59 * S + 700), NOW)).toBe('1 min ago');
    expect(formatRelative(NOW + 59 * MIN + 40 * S, NOW)).toBe('in 1 h');
    expect(formatRelative(NOW - (H + 59 * MIN + 50 * S), NOW)).toBe('2 h ago');
  });

  it('a time that is not one is a dash, not "NaN min ago"', () => {
    expect(formatRelative(Number.NaN, NOW)).toBe('—');
  });
});

describe('formatSpan', () => {
  it('never says 0 s', () => {
    expect(formatSpan(200)).toBe('1 s');
    expect(formatSpan(7 * DAY)).toBe('7 days');
  });
});

describe('formatUtc', () => {
  it('to the minute in UTC, whatever the machine zone', () => {
    expect(formatUtc(NOW)).toBe('2026-11-22 23:26 UTC');
    expect(formatUtc(Date.parse('2026-03-04T12:34:56.789Z'))).toBe('2026-03-04 12:34 UTC');
  });

  it('to the second when asked (the audit trail)', () => {
    expect(formatUtc(NOW, { seconds: true })).toBe('2026-11-22 23:26:05 UTC');
  });

  it('an unparsable instant is a dash instead of a RangeError', () => {
    expect(formatUtc(Date.parse('not a date'))).toBe('—');
  });
});
