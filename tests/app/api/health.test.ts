import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { freePort } from '@/tests/support/private-redis';
import { tenantEntry } from '../../lib/tenants/fixtures';

// The handler reads env and the registry once per process; each case loads fresh modules.
async function loadHandler(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as { __genesysRuntime?: unknown }).__genesysRuntime;
  for (const key of ['TENANTS_FILE', 'CONFIG_SERVICE_URL', 'CONFIG_SERVICE_TOKEN']) vi.stubEnv(key, '');
  vi.stubEnv('LOG_LEVEL', 'silent');
  vi.stubEnv('REDIS_URL', '');
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import('@/app/api/health/route')).GET;
}

async function tenantsFile(entries: unknown[]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'health-')), 'tenants.json');
  await writeFile(path, JSON.stringify({ tenants: entries }));
  return path;
}

afterEach(() => vi.unstubAllEnvs());

describe('GET /api/health', () => {
  it('is ok with a loaded tenant list, uncached, and carries no credentials', async () => {
    const GET = await loadHandler({ TENANTS_FILE: await tenantsFile([tenantEntry()]) });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ status: 'ok', mode: 'configured', tenants: { source: 'file', count: 1 } });
    expect(body).not.toContain('canary-secret');
  });

  it('is degraded when entries were skipped', async () => {
    const GET = await loadHandler({
      TENANTS_FILE: await tenantsFile([tenantEntry(), tenantEntry({ tenantId: 'broken', region: 'nowhere' })]),
    });
    const body = (await (await GET()).json()) as { status: string; tenants: { skippedEntries: number } };
    expect(body).toMatchObject({ status: 'degraded', tenants: { count: 1, skippedEntries: 1 } });
  });

  it('answers 503 when no tenant list can be had', async () => {
    const missingFile = await loadHandler({ TENANTS_FILE: '/nonexistent/tenants.json' });
    expect((await missingFile()).status).toBe(503);

    const noSource = await loadHandler({});
    const response = await noSource();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'failing', tenants: { source: 'none' } });
  });
});

describe('GET /api/health: Redis', () => {
  it('reports a reachable Redis as ok', async () => {
    const GET = await loadHandler({ TENANTS_FILE: await tenantsFile([tenantEntry()]), REDIS_URL: inject('redisUrl') });
    expect(await (await GET()).json()).toMatchObject({ status: 'ok', redis: 'ok' });
  });

  it('reports an unreachable Redis as degraded, still 200, promptly', async () => {
    const GET = await loadHandler({
      TENANTS_FILE: await tenantsFile([tenantEntry()]),
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'degraded', redis: 'unreachable' });
  });

  it('says when Redis is not configured', async () => {
    const GET = await loadHandler({ TENANTS_FILE: await tenantsFile([tenantEntry()]) });
    expect(await (await GET()).json()).toMatchObject({ redis: 'not-configured' });
  });
});
