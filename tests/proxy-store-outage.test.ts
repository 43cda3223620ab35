/**
 * Redis away: the proxy cannot check a session's revocation counter, so it lets nothing through,
 * and says so: a 503 with Retry-After (JSON for the API, a self-reloading page for pages), never
 * a bare 500. When Redis is back the same cookie passes again, without a restart.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmulator } from '@/emulator/index';
import { loadProxyUnderTest, type ProxyUnderTest } from '@/tests/support/proxy-under-test';
import { startPrivateRedis, type PrivateRedis } from '@/tests/support/private-redis';

const tenants = createEmulator({ orgSizes: [5, 5, 5, 5, 5, 5] }).listTenantCredentials();
let redis: PrivateRedis;
let proxy: ProxyUnderTest['proxy'];
let cookie: string;

beforeAll(async () => {
  redis = await startPrivateRedis();
  const loaded = await loadProxyUnderTest(tenants, 'o'.repeat(40), redis.url);
  proxy = loaded.proxy;
  cookie = await loaded.cookiesFor('demo-admin', 'acme-prod');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await redis.stop();
});

const run = (path: string) => proxy(new NextRequest(`http://portal.test${path}`, { headers: { cookie } }));

describe('proxy while Redis is away', () => {
  it('answers a clear 503 for API and pages, then passes again once Redis is back', async () => {
    expect((await run('/api/tenants/acme-prod/organization')).headers.get('x-middleware-next')).toBe('1');

    await redis.kill();
    const api = await run('/api/tenants/acme-prod/organization');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const body = (await api.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('store_unavailable');
    expect(body.error.message).toMatch(/Redis/);
    expect(body.error.requestId).toBe(api.headers.get('x-request-id'));

    const page = await run('/dashboard');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/Temporarily unavailable[\s\S]*reloads by itself/);

    await redis.restart();
    const until = Date.now() + 10_000;
    let again = await run('/api/tenants/acme-prod/organization');
    while (again.status === 503 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      again = await run('/api/tenants/acme-prod/organization');
    }
    expect(again.headers.get('x-middleware-next')).toBe('1');
  }, 30_000);
});
