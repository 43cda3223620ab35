import { describe, expect, it } from 'vitest';
import { describeCountry, describeLanguage, formatDuration } from '@/components/dashboard/format';

describe('dashboard formatting', () => {
  it('durations: seconds, minutes and seconds, hours and minutes; a dash for nothing', () => {
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(372_000)).toBe('6 min 12 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });

  it('language and country codes with their English names, unknown codes as they are', () => {
    expect(describeLanguage('de')).toBe('de (German)');
    expect(describeCountry('DE')).toBe('DE (Germany)');
    expect(describeLanguage('xx-notalang-123456789')).toBe('xx-notalang-123456789');
    expect(describeCountry(null)).toBe('—');
  });
});
