import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFIG_SERVICE_PATH } from '@/emulator/index';
import { createTenantRegistry } from '@/lib/tenants/registry';
import { createConfigServiceSource } from '@/lib/tenants/sources';
import { control } from '../../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';

// The emulator's config service is the real counterpart of this source (msw mounts its core).
let mounted: MountedEmulator;
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [30, 20, 10, 10] });
});
afterAll(() => mounted.close());
afterEach(() => mounted.emulator.reset());

const url = () => `${mounted.baseUrl}${CONFIG_SERVICE_PATH}`;
const source = (token = mounted.emulator.configServiceToken, timeoutMs = 5000) =>
  createConfigServiceSource({ url: url(), token, timeoutMs });
const setMode = (mode: string, latencyMs?: number) =>
  control(mounted.emulator, 'PUT', '/config-service', { mode, latencyMs });

describe('config service source against the emulator', () => {
  it('loads every emulator tenant with no schema problem', async () => {
    const { tenants, problems } = await source().load();
    expect(problems).toEqual([]);
    expect(tenants.map((t) => t.tenantId)).toEqual(mounted.emulator.listTenantCredentials().map((c) => c.tenantId));
    expect(new Set(tenants.map((t) => t.region)).size).toBeGreaterThanOrEqual(3);
  });

  it('is rejected with a wrong service token', async () => {
    await expect(source('not-the-token').load()).rejects.toMatchObject({ reason: 'rejected' });
  });

  it('reports a failing, malformed or slow service as such', async () => {
    await setMode('failing');
    await expect(source().load()).rejects.toMatchObject({ reason: 'rejected' });
    await setMode('malformed');
    const malformed = source()
      .load()
      .then(
        (result) => result.problems.length > 0,
        (error: { reason?: string }) => error.reason === 'malformed',
      );
    expect(await malformed).toBe(true);
    await setMode('slow', 400);
    await expect(source(undefined, 50).load()).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('keeps serving the last valid list while the service fails, then recovers', async () => {
    let now = 0;
    const logger = { warn: vi.fn(), info: vi.fn() };
    const registry = createTenantRegistry({ source: source(), refreshIntervalMs: 1000, logger, now: () => now });
    const first = await registry.list();
    await setMode('failing');
    now = 2000;
    expect(await registry.list()).toEqual(first);
    expect(registry.status().lastError?.message).toContain('HTTP');
    await setMode('ok');
    now = 4000;
    await registry.list();
    expect(registry.status().lastError).toBeUndefined();
  });
});
