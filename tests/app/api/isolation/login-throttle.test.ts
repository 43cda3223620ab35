/**
 * The login endpoint's brute-force throttle, at the handler: failures are counted per account
 * (5 / 15 min) and per client address (20 / 15 min), unknown accounts exactly like known ones.
 *
 *
 * Two former bugs are pinned here: the client address is the X-Forwarded-For entry appended by
 * the trusted proxy (the RIGHT-most with one hop), never a client-written entry; and each attempt
 * is reserved from the budget before the password is checked, so concurrent guesses get no more
 * tries than sequential ones. The cases model one appending reverse proxy in front of the portal.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '@/tests/support/handler-harness';
import { ORG_SIZES, PORTAL_ORIGIN } from './support';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

let harness: PortalHarness;
let login: RouteHandler;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: ORG_SIZES });
  const { POST } = await import('@/app/api/auth/login/route');
  login = (request) => POST(request);
});
afterAll(async () => harness?.close());

let run = 0;
const unique = (label: string) => `${label}-${++run}-${Date.now()}@nowhere.test`;

async function attempt(email: string, password: string, forwardedFor: string) {
  const request = new Request(`${PORTAL_ORIGIN}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PORTAL_ORIGIN, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
  const { response, jar } = await harness.invoke(login, request, { tenantId: '' });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, retryAfter: response.headers.get('retry-after'), jar };
}

describe('login throttle', () => {
  it('works through the handler: 5 failures lock an account, known or unknown, with the same answers', async () => {
    const peer = '192.0.2.10';
    const unknown = unique('ghost');
    const answers = { unknown: [] as string[], known: [] as string[] };
    for (let i = 0; i < 6; i++) {
      const a = await attempt(unknown, 'wrong', peer);
      answers.unknown.push(`${a.status} ${a.code} ${a.retryAfter !== null}`);
      const b = await attempt('ops@demo.test', 'wrong', '192.0.2.11');
      answers.known.push(`${b.status} ${b.code} ${b.retryAfter !== null}`);
    }
    expect(answers.unknown).toEqual([
      ...Array<string>(5).fill('401 invalid_credentials false'),
      '429 too_many_attempts true',
    ]);
    expect(answers.known).toEqual(answers.unknown);
    expect((await attempt('ops@demo.test', 'demo', '192.0.2.11')).status, 'locked even with the password').toBe(429);

    const ok = await attempt('auditor@demo.test', 'demo', '192.0.2.12');
    expect(ok.status).toBe(200);
    expect(ok.jar.writes.map((w) => w.name)).toContain(harness.settings.sessionCookie);
  });

  it('counts 20 failures per address over different accounts', async () => {
    const peer = '192.0.2.20';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt(unique('spray'), 'wrong', peer)).status);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('a client-chosen X-Forwarded-For entry does not escape the address limit', async () => {
    const peer = '203.0.113.5'; // appended by the reverse proxy: the real client
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await attempt(unique('spray'), 'wrong', `10.66.${i}.1, ${peer}`)).status);
    }
    expect(statuses).toContain(429);
  });

  it('concurrent attempts get no more guesses than sequential ones', async () => {
    const email = 'admin@demo.test';
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => (await attempt(email, `guess-${i}`, '192.0.2.30')).status),
    );
    // Sequentially: 5 judged (401), then 429. Concurrently today: all 12 judged.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
  });

  it('nobody can lock another client out by naming its address', async () => {
    const victim = '198.51.100.7';
    const attacker = '203.0.113.66';
    for (let i = 0; i < 21; i++) await attempt(unique('lockout'), 'wrong', `${victim}, ${attacker}`);
    // The victim's own request, through the same proxy: X-Forwarded-For is just its address.
    expect((await attempt('auditor@demo.test', 'demo', victim)).status).toBe(200);
  });
});
