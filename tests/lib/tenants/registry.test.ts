import { describe, expect, it, vi } from 'vitest';
import { parseTenantList } from '@/lib/tenants/parse-tenant-list';
import { createTenantRegistry } from '@/lib/tenants/registry';
import { TenantSourceError, type TenantSource } from '@/lib/tenants/sources';
import { tenantEntry } from './fixtures';

function scriptedSource(steps: Array<() => unknown>): TenantSource & { calls: number } {
  const source = {
    kind: 'config-service' as const,
    describe: 'scripted',
    calls: 0,
    load: vi.fn(async () => {
      const step = steps[Math.min(source.calls, steps.length - 1)]!;
      source.calls++;
      await Promise.resolve();
      return parseTenantList(step());
    }),
  };
  return source;
}

const quietLogger = { warn: vi.fn(), info: vi.fn() };

describe('createTenantRegistry', () => {
  it('shares one load between concurrent callers', async () => {
    const source = scriptedSource([() => [tenantEntry()]]);
    const registry = createTenantRegistry({ source, refreshIntervalMs: 60_000, logger: quietLogger });
    const lists = await Promise.all(Array.from({ length: 20 }, () => registry.list()));
    expect(source.calls).toBe(1);
    expect(lists.every((l) => l.length === 1)).toBe(true);
  });

  it('refreshes after the interval and keeps the last valid list when the source fails', async () => {
    let now = 0;
    const source = scriptedSource([
      () => [tenantEntry()],
      () => {
        throw new TenantSourceError('config service answered HTTP 503', 'rejected');
      },
    ]);
    const registry = createTenantRegistry({ source, refreshIntervalMs: 1000, logger: quietLogger, now: () => now });
    await registry.list();
    now = 1500;
    const stale = await registry.list();
    expect(source.calls).toBe(2);
    expect(stale.map((t) => t.tenantId)).toEqual(['acme-prod']);
    expect(registry.status().lastError).toEqual({ message: 'config service answered HTTP 503', at: 1500 });
  });

  it('while the source fails, retries once per interval (not per request) and logs once per attempt', async () => {
    let now = 0;
    const logger = { warn: vi.fn(), info: vi.fn() };
    const source = scriptedSource([
      () => [tenantEntry()],
      () => {
        throw new TenantSourceError('config service answered HTTP 503', 'rejected');
      },
      () => [tenantEntry(), tenantEntry({ tenantId: 'globex-eu' })],
    ]);
    const registry = createTenantRegistry({ source, refreshIntervalMs: 1000, logger, now: () => now });
    await registry.list();
    now = 1500;
    await registry.list();
    for (now = 1600; now < 2500; now += 100) expect(await registry.list()).toHaveLength(1);
    expect(source.calls).toBe(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    now = 2500;
    expect(await registry.list()).toHaveLength(2);
    expect(source.calls).toBe(3);
    expect(registry.status().lastError).toBeUndefined();
  });

  it('with a day-long interval, retries a failed refresh after 30 s, not a day', async () => {
    let now = 0;
    const day = 86_400_000;
    const source = scriptedSource([
      () => [tenantEntry()],
      () => {
        throw new TenantSourceError('config service answered HTTP 503', 'rejected');
      },
      () => [tenantEntry(), tenantEntry({ tenantId: 'globex-eu' })],
    ]);
    const registry = createTenantRegistry({ source, refreshIntervalMs: day, logger: quietLogger, now: () => now });
    await registry.list();
    now = day;
    await registry.list();
    now = day + 29_000;
    expect(await registry.list()).toHaveLength(1);
    now = day + 30_000;
    expect(await registry.list()).toHaveLength(2);
    expect(source.calls).toBe(3);
  });

  it('fails closed when the source never loaded', async () => {
    const source = scriptedSource([
      () => {
        throw new TenantSourceError('config service unreachable', 'unreachable');
      },
    ]);
    const registry = createTenantRegistry({ source, refreshIntervalMs: 1000, logger: quietLogger });
    await expect(registry.list()).rejects.toThrow('config service unreachable');
    expect(registry.status().tenantCount).toBe(0);
  });
});
