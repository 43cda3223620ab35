import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '@/lib/genesys/retry-after';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads integer seconds as milliseconds, exactly', () => {
    expect(parseRetryAfter('42', NOW)).toBe(42_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 7 ', NOW)).toBe(7_000);
  });

  it('reads an HTTP-date relative to the injected now', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 01-Mar-26 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Sun Mar  1 12:00:05 2026', NOW)).toBe(5_000);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent and garbage values', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'soon',
      '-5',
      '1.5',
      '1e3',
      '0x10',
      'Sun, 99 Foo 2026 12:00:00 GMT',
      '12abc',
    ])
      expect(parseRetryAfter(bad, NOW)).toBeUndefined();
  });
});
