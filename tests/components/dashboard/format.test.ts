import { describe, expect, it } from 'vitest';
import {
  describeCountry,
  describeLanguage,
  formatDuration,
  formatRelative,
  formatUtc,
} from '@/components/dashboard/format';

describe('dashboard formatting', () => {
  it('durations: seconds, minutes and seconds, hours and minutes; a dash for nothing', () => {
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(372_000)).toBe('6 min 12 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });

  it('relative times both ways, coarse', () => {
    const now = Date.parse('2026-03-04T12:00:00Z');
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelative(now + 23 * 3_600_000, now)).toBe('in 23 h');
    expect(formatRelative(now - 10 * 86_400_000, now)).toBe('10 days ago');
  });

  it('UTC instants to the minute', () => {
    expect(formatUtc('2026-03-04T12:34:56.789Z')).toBe('2026-03-04 12:34 UTC');
    expect(formatUtc('not a date')).toBe('not a date');
  });

  it('language and country codes with their English names, unknown codes as they are', () => {
    expect(describeLanguage('de')).toBe('de (German)');
    expect(describeCountry('DE')).toBe('DE (Germany)');
    expect(describeLanguage('xx-notalang-123456789')).toBe('xx-notalang-123456789');
    expect(describeCountry(null)).toBe('—');
  });
});
