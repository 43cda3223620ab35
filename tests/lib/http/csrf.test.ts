import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from '@/lib/http/csrf';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://portal.test/api/tenants/acme-prod/organization', { method, headers });

describe('assertSameOrigin', () => {
  it('lets reads through whatever their origin', () => {
    expect(() =>
      assertSameOrigin(request('GET', { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' })),
    ).not.toThrow();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s from a foreign origin is refused', (method) => {
    expect(() => assertSameOrigin(request(method, { origin: 'https://evil.test' }))).toThrow(
      expect.objectContaining({ status: 403, code: 'csrf_rejected' }),
    );
    expect(() => assertSameOrigin(request(method, { 'sec-fetch-site': 'cross-site' }))).toThrow(
      expect.objectContaining({ code: 'csrf_rejected' }),
    );
    expect(() => assertSameOrigin(request(method, { origin: 'null' }))).toThrow(
      expect.objectContaining({ code: 'csrf_rejected' }),
    );
  });

  it('accepts the portal itself, also behind a proxy, and non-browser clients', () => {
    expect(() =>
      assertSameOrigin(request('PUT', { origin: 'http://portal.test', 'sec-fetch-site': 'same-origin' })),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        request('PUT', { origin: 'https://admin.example', host: 'admin.example', 'x-forwarded-proto': 'https' }),
      ),
    ).not.toThrow();
    expect(() => assertSameOrigin(request('PUT', {}))).not.toThrow();
  });
});
