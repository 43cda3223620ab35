// Inputs found in review that used to hang the process, answer 500 or reject handle(), and the
// unbounded growth of per-token state in a long-running emulator.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { createTokenStore, TOKEN_SWEEP_INTERVAL } from '../../emulator/auth/tokens';
import { createRateLimiter, WINDOW_SWEEP_INTERVAL } from '../../emulator/auth/rate-limit';
import { regexRisk } from '../../emulator/users/regex-guard';
import { MAX_BODY_BYTES } from '../../emulator/http/body';
import { startEmulatorServer } from '../../emulator/server';
import { BASE, call, credentialOf, getToken, isErrorBody } from './support/direct';
import { control } from './support/control';

const SIZES = [100, 10];

const search = (query: unknown[]) => ({ method: 'POST', body: { query } });
const nestedGroups = (depth: number): unknown => {
  let criterion: unknown = { type: 'MATCH_ALL' };
  for (let i = 0; i < depth; i++) criterion = { type: 'MATCH_ALL', group: [criterion] };
  return criterion;
};

describe('REGEX search criteria', () => {
  it('refuses catastrophic-backtracking patterns with a 400 instead of freezing the event loop', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const started = Date.now();
    // `(.*)*x` against the emails of 100 users ran for more than 30 s before the guard.
    const response = await call(
      emulator,
      token,
      '/api/v2/users/search',
      search([{ type: 'REGEX', fields: ['email'], value: '(.*)*x' }]),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(400);
    expect(isErrorBody(response.json)).toBe(true);
    expect(response.json.details).toEqual([{ fieldName: 'query[0].value', errorCode: 'invalid.value' }]);
    const plain = await call(
      emulator,
      token,
      '/api/v2/users/search',
      search([{ type: 'REGEX', fields: ['email'], value: '[a-z]+\\.[a-z]+@acme\\.example' }]),
    );
    expect(plain.status).toBe(200);
    expect(plain.json.total as number).toBeGreaterThan(50);
  });

  it.each([
    ['(a+)+$', 'repeated group'],
    ['(a|aa)*b', 'repeated group'],
    ['(?:\\w+\\s?)+', 'repeated group'],
    ['(a)\\1', 'backreferences'],
    ['(?=a).*', 'lookarounds'],
    ['.*.*.*.*.*x', 'repeating quantifiers'],
  ])('refuses %s (%s)', (pattern, reason) => {
    expect(regexRisk(pattern)).toContain(reason.split(' ')[0]);
  });

  it.each(['john.*', '(?:jo|ja)n.*', '[()*+]+x', 'a{2,}b{3}', '(ab)+', 'x(?:a|b)?', '\\(a*\\)*'])(
    'accepts %s',
    (pattern) => expect(regexRisk(pattern)).toBeUndefined(),
  );
});

describe('deeply nested JSON bodies', () => {
  it('answers 400 (not 500) for search criteria nested beyond the guard, in both search forms', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    // 1000 nested groups used to overflow the stack inside the validator: 500 internal.server.error.
    const deep = await call(emulator, token, '/api/v2/users/search', search([nestedGroups(1000)]));
    expect([deep.status, deep.json.code]).toEqual([400, 'bad.request']);
    const q64 = Buffer.from(JSON.stringify({ query: [nestedGroups(1000)] })).toString('base64');
    const viaGet = await call(emulator, token, `/api/v2/users/search?q64=${encodeURIComponent(q64)}`);
    expect([viaGet.status, viaGet.json.code]).toEqual([400, 'bad.request']);
    const shallow = await call(emulator, token, '/api/v2/users/search', search([nestedGroups(5)]));
    expect(shallow.status).toBe(200);
  });

  it('applies the same guard to every JSON body (analytics filter)', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    let filter: unknown = { type: 'and', predicates: [{ dimension: 'queueId', value: 'x' }] };
    for (let i = 0; i < 1000; i++) filter = { type: 'and', clauses: [filter] };
    const response = await call(emulator, token, '/api/v2/analytics/conversations/aggregates/query', {
      method: 'POST',
      body: { interval: '2026-01-01T00:00:00Z/2026-01-02T00:00:00Z', metrics: ['nOffered'], filter },
    });
    expect([response.status, response.json.code]).toEqual([400, 'bad.request']);
  });
});

describe('fault specs that cannot be answered', () => {
  it('are refused when queued, so handle() never rejects with anything but ConnectionResetError', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const specs = [
      { path: '/api/v2/tokens/me', status: 101 }, // new Response() throws RangeError for 1xx
      { path: '/api/v2/tokens/me', status: 503, headers: { 'bad header': 'x' } },
      { path: '/api/v2/tokens/me', status: 503, headers: { 'x-ok': 'line\r\nbreak' } },
      { path: '/api/v2/tokens/me', status: 503, headers: { 'x-ok': '\u0100' } },
    ];
    for (const spec of specs) expect((await control(emulator, 'POST', '/faults', spec)).status).toBe(400);
    expect((await control<{ faults: unknown[] }>(emulator, 'GET', '/faults')).body.faults).toEqual([]);
    expect((await call(emulator, token, '/api/v2/tokens/me')).status).toBe(200);
  });
});

describe('scripted 429 faults', () => {
  it('look like the real 429: integer Retry-After and the message naming it', async () => {
    const emulator = createEmulator({ orgSizes: SIZES, faultControl: true });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    await control(emulator, 'POST', '/faults', { path: '/api/v2/users', status: 429 });
    const plain = await call(emulator, token, '/api/v2/users');
    expect(plain.headers.get('retry-after')).toBe('1');
    expect(plain.json).toMatchObject({
      status: 429,
      code: 'too.many.requests.retry.after',
      message: 'Rate limit exceeded the maximum. Retry the request in [1] seconds',
    });
    await control(emulator, 'POST', '/faults', {
      path: '/api/v2/users',
      status: 429,
      headers: { 'retry-after': '42' },
    });
    const chosen = await call(emulator, token, '/api/v2/users');
    expect(chosen.headers.get('retry-after')).toBe('42');
    expect(chosen.json.message).toBe('Rate limit exceeded the maximum. Retry the request in [42] seconds');
  });
});

describe('per-token state in a long-running emulator', () => {
  it('sweeps expired tokens instead of keeping every token ever issued', () => {
    const store = createTokenStore();
    const issue = (at: number, validMs: number) =>
      store.issue({ clientId: 'c', orgId: 'o', permissions: [], issuedAt: at, expiresAt: at + validMs });
    const expired = issue(0, 1_000);
    const live = issue(0, 1_000_000);
    for (let i = 2; i < TOKEN_SWEEP_INTERVAL; i++) issue(10_000, 1_000_000);
    expect(store.find(expired.token)).toBeUndefined();
    expect(store.find(live.token)).toBe(live);
    expect(store.size()).toBe(TOKEN_SWEEP_INTERVAL - 1);
  });

  it('drops rate-limit windows that have gone idle', () => {
    const limiter = createRateLimiter();
    limiter.check('old-token', 300, 0);
    for (let i = 1; i < WINDOW_SWEEP_INTERVAL; i++) limiter.check('new-token', 1_000_000, 120_000);
    expect(limiter.size()).toBe(1);
    expect(limiter.check('new-token', 1_000_000, 120_000)).toEqual({ allowed: true });
  });
});

describe('oversized bodies', () => {
  /** A body of `total` bytes produced on demand, counting how much of it was pulled. */
  function lazyBody(total: number, chunk = 64 * 1024) {
    const state = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const size = Math.min(chunk, total - state.pulled);
        if (size <= 0) return controller.close();
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    });
    return { stream, state };
  }

  it('answers 413 for a streamed body past request.bytes.max and drains it (no cancel)', async () => {
    const emulator = createEmulator({ orgSizes: SIZES });
    const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
    const { stream, state } = lazyBody(20 * 1024 * 1024);
    const response = await emulator.handle(
      new Request(`${BASE}/api/v2/organizations/me`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(isErrorBody(await response.json())).toBe(true);
    expect(state.pulled).toBe(20 * 1024 * 1024);
  });

  it('still writes the 413 over a real socket (the connection is not reset)', async () => {
    const server = await startEmulatorServer({ port: 0, orgSizes: SIZES });
    try {
      const token = await getToken(server.emulator, credentialOf(server.emulator, 'acme-prod'));
      const response = await fetch(`${server.url}/api/v2/organizations/me`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: ' '.repeat(MAX_BODY_BYTES * 4),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { code: string }).code).toBe('request.entity.too.large');
    } finally {
      await server.close();
    }
  });
});
