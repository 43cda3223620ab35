import { describe, expect, it } from 'vitest';
import { formatInterval, maskClientId, sourceLabel, withoutDirectories } from '@/lib/credentials/format';

const DAY = 86_400_000;

describe('credential formatting', () => {
  it('writes rotation intervals', () => {
    expect(formatInterval(7 * DAY)).toBe('every 7 days');
    expect(formatInterval(12 * 3_600_000)).toBe('every 12 h');
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

describe('withoutDirectories', () => {
  const file = { source: 'file' as const, sourceDescription: 'file /srv/acme corp/portal/tenants.json' };

  it("cuts the source's own path to its file name, spaces in directories included", () => {
    expect(withoutDirectories('cannot read tenants file /srv/acme corp/portal/tenants.json (ENOENT)', file)).toBe(
      'cannot read tenants file tenants.json (ENOENT)',
    );
    expect(
      withoutDirectories(
        'Tenant list unavailable: tenants file /srv/acme corp/portal/tenants.json is not valid JSON',
        file,
      ),
    ).toBe('Tenant list unavailable: tenants file tenants.json is not valid JSON');
  });

  it('cuts any other absolute path, POSIX or Windows, and leaves URLs and plain text alone', () => {
    expect(withoutDirectories('cannot read tenants file /etc/portal/other.json (EACCES)')).toBe(
      'cannot read tenants file other.json (EACCES)',
    );
    expect(withoutDirectories('open "C:\\portal\\conf\\tenants.json" failed')).toBe('open "tenants.json" failed');
    expect(withoutDirectories('config service https://cfg.example/api/v1 answered HTTP 503')).toBe(
      'config service https://cfg.example/api/v1 answered HTTP 503',
    );
    expect(withoutDirectories('expected {"tenants": [...]}')).toBe('expected {"tenants": [...]}');
    expect(
      withoutDirectories('config service unreachable', {
        source: 'config-service',
        sourceDescription: 'config service https://cfg.example',
      }),
    ).toBe('config service unreachable');
  });
});
