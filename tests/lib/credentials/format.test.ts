import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatInterval, formatRelative, maskClientId, sourceLabel } from '@/lib/credentials/format';

const NOW = Date.UTC(2025, 2, 1, 12, 0, 0);

describe('credential formatting', () => {
  it('writes absolute times in UTC to the minute', () => {
    expect(formatAbsolute(Date.UTC(2025, 2, 1, 14, 5, 59))).toBe('2025-03-01 14:05 UTC');
  });

  it('writes relative times both ways', () => {
    expect(formatRelative(NOW + 2000, NOW)).toBe('just now');
    expect(formatRelative(NOW - 30_000, NOW)).toBe('30 s ago');
    expect(formatRelative(NOW + 5 * 60_000, NOW)).toBe('in 5 min');
    expect(formatRelative(NOW + 3 * 3_600_000 + 20 * 60_000, NOW)).toBe('in 3 h 20 min');
    expect(formatRelative(NOW + 23 * 3_600_000 + 55 * 60_000, NOW)).toBe('in 24 h');
    expect(formatRelative(NOW - 30 * 86_400_000, NOW)).toBe('30 days ago');
    expect(formatInterval(7 * 86_400_000)).toBe('every 7 days');
  });

  it('shows only the end of a client id', () => {
    expect(maskClientId('3f1c9a4e-0000-4000-8000-00000000beef')).toBe('…beef');
    expect(maskClientId('short')).toBe('…');
  });

  it('names a source without its directory', () => {
    expect(sourceLabel('file', 'file /srv/customers/acme/tenants.json')).toBe('tenants.json');
    expect(sourceLabel('file', 'file C:\\portal\\tenants.json')).toBe('tenants.json');
    expect(sourceLabel('config-service', 'config service https://cfg.example:8443')).toBe('https://cfg.example:8443');
  });
});
