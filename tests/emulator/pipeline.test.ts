import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createFakeClock } from './support/fake-clock';
import { BASE, call, credentialOf, getToken, isErrorBody } from './support/direct';
import { control } from './support/control';

const SIZES = [40, 20];

describe('standard response headers', () => {
  it('sends no-cache headers and a correlation id equal to contextId on every response', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const responses = [
      await call(emulator, token, '/api/v2/organizations/me'),
      await call(emulator, token, '/api/v2/nowhere'),
      await call(emulator, undefined, '/api/v2/users'),
      await call(emulator, token, '/api/v2/users?pageSize=9999'),
    ];
    for (const response of responses) {
      expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
      expect(response.headers.get('pragma')).toBe('no-cache');
      expect(response.headers.get('expires')).toBe('0');
      expect(response.headers.get('content-type')).toBe('application/json');
      const correlationId = response.headers.get('inin-correlation-id');
      expect(correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (response.status >= 400) expect(response.json.contextId).toBe(correlationId);
      const names = [...response.headers.keys()];
      expect(names.filter((name) => /ratelimit|rate-limit|^etag$/i.test(name))).toEqual([]);
    }
  });
});

describe('authentication and routing errors', () => {
  it('answers 401 authentication.required without a token and bad.credentials with a bad one', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const none = await call(emulator, undefined, '/api/v2/organizations/me');
    expect(none.json).toMatchObject({
      status: 401,
      code: 'authentication.required',
      message: 'No authentication bearer token specified in authorization header.',
    });
    const bad = await call(emulator, 'not-a-token', '/api/v2/organizations/me');
    expect(bad.json).toMatchObject({ status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' });
    const basic = await call(emulator, undefined, '/api/v2/organizations/me', {
      headers: { authorization: 'Basic abc' },
    });
    expect(basic.json.code).toBe('authentication.required');
  });

  it('answers 404 not.found for unknown routes and 405 for a wrong method', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const unknown = await call(emulator, token, '/api/v2/organizations/6ad2c9c0-6bd6-4a4c-9b1a-2f6f3f2d6a11');
    expect(unknown.json).toMatchObject({ status: 404, code: 'not.found', details: [], errors: [] });
    expect((await call(emulator, undefined, '/elsewhere')).status).toBe(404);
    const wrong = await call(emulator, token, '/api/v2/organizations/me', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
    expect(isErrorBody(wrong.json)).toBe(true);
  });

  it('trips on an X-Genesys-Organization header that names another org', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const acme = credentialOf(emulator, 'acme-prod');
    const sandbox = credentialOf(emulator, 'acme-sandbox');
    const token = await getToken(emulator, acme);
    const match = await call(emulator, token, '/api/v2/organizations/me', {
      headers: { 'X-Genesys-Organization': acme.orgId },
    });
    expect(match.status).toBe(200);
    const mismatch = await call(emulator, token, '/api/v2/organizations/me', {
      headers: { 'X-Genesys-Organization': sandbox.orgId },
    });
    expect(mismatch.status).toBe(403);
    expect(mismatch.json.code).toBe('not.authorized');
  });
});

describe('per-token rate limit', () => {
  it('answers 429 with an integer Retry-After and recovers when the window slides', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, now: clock.now, faultControl: true });
    const credential = credentialOf(emulator, 'acme-prod');
    await control(emulator, 'PUT', `/clients/${credential.clientId}/rate-limit`, { perMinute: 5 });
    const token = await getToken(emulator, credential);
    for (let i = 0; i < 5; i++) {
      expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200);
      clock.advance(1_000);
    }
    const limited = await call(emulator, token, '/api/v2/organizations/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('55');
    expect(limited.json).toMatchObject({
      code: 'too.many.requests.retry.after',
      message: 'Rate limit exceeded the maximum. Retry the request in [55] seconds',
    });
    expect(emulator.stats().rateLimited).toBe(1);
    clock.advance(55_000);
    expect((await call(emulator, token, '/api/v2/organizations/me')).status).toBe(200);
  });

  it('keeps the bucket per token and defaults to 300/min', async () => {
    const clock = createFakeClock();
    const emulator = createEmulator({ orgSizes: SIZES, now: clock.now });
    const credential = credentialOf(emulator, 'acme-sandbox');
    expect(credential.rateLimitPerMinute).toBe(300);
    const first = await getToken(emulator, credential);
    for (let i = 0; i < 300; i++) await call(emulator, first, '/api/v2/tokens/me');
    expect((await call(emulator, first, '/api/v2/tokens/me')).status).toBe(429);
    const second = await getToken(emulator, credential);
    expect((await call(emulator, second, '/api/v2/tokens/me')).status).toBe(200);
  });
});

describe('stats', () => {
  it('counts requests, statuses, token requests and requests per org', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const acme = credentialOf(emulator, 'acme-prod');
    const token = await getToken(emulator, acme);
    await call(emulator, token, '/api/v2/organizations/me');
    await call(emulator, token, '/api/v2/nowhere');
    const stats = emulator.stats();
    expect(stats.tokenRequests).toEqual({ [acme.clientId]: 1 });
    expect(stats.requests).toBe(3);
    expect(stats.responsesByStatus).toEqual({ '200': 2, '404': 1 });
    expect(stats.requestsByOrg).toEqual({ [acme.orgId]: 1 });
    expect(stats.recent.map((entry) => entry.path)).toEqual([
      '/oauth/token',
      '/api/v2/organizations/me',
      '/api/v2/nowhere',
    ]);
    emulator.reset();
    expect(emulator.stats().requests).toBe(0);
  });
});

describe('bad input', () => {
  it('never crashes on odd requests', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const odd = [
      new Request(`${BASE}/api/v2/users/%E0%A4%A`, { headers: { authorization: `Bearer ${token}` } }),
      new Request(`${BASE}/api/v2/users/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'null',
      }),
      new Request(`${BASE}/api/v2/users/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '"string"',
      }),
      new Request(`${BASE}/api/v2/users/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: '{}',
      }),
      new Request(`${BASE}/api/v2/organizations/me`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'x'.repeat(600_000),
      }),
    ];
    const statuses = [];
    for (const request of odd) {
      const response = await emulator.handle(request);
      statuses.push(response.status);
      expect(isErrorBody(await response.json())).toBe(true);
    }
    expect(statuses).toEqual([404, 400, 400, 415, 413]);
  });
});
