/**
 * The dashboard loaders against the msw-mounted emulator through a real GenesysRuntime, with the
 * emulator's clock fixed so "the last 24 hours" is the same interval for the loader and for the
 * test's own direct query. Expected values are read straight from the emulator with a token of
 * the test's own (the emulator's rate limit is per token).
 */
import { afterAll, beforeAll } from 'vitest';
import type { TenantCredential } from '@/emulator/index';
import type { GenesysRuntime } from '@/lib/genesys-runtime';
import type { DashboardSource } from '@/lib/dashboard/source';
import { call, getToken } from '@/tests/emulator/support/direct';
import { mountEmulator, type MountedEmulator } from '@/tests/emulator/support/msw-emulator';
import { createTestRuntime } from '@/tests/support/runtime-fixture';

/** A Wednesday afternoon after every seeded queue exists: plenty of activity in the last day. */
export const NOW = Date.parse('2026-03-04T15:30:00.000Z');

export interface DashboardFixture {
  mounted: MountedEmulator;
  runtime: GenesysRuntime;
  credentials: TenantCredential[];
  source(tenantId: string, runtime?: GenesysRuntime): DashboardSource;
  direct(tenantId: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
}

export function setupDashboardEmulator(orgSizes: number[]): DashboardFixture {
  let mounted: MountedEmulator | undefined;
  let runtime: GenesysRuntime | undefined;
  let credentials: TenantCredential[] = [];
  const tokens = new Map<string, string>();

  beforeAll(() => {
    mounted = mountEmulator({ orgSizes, now: () => NOW, faultControl: true });
    credentials = mounted.emulator.listTenantCredentials();
    // Declared above 300/min so the portal's pacing does not slow the test; it stays far below.
    runtime = createTestRuntime(
      mounted.baseUrl,
      credentials.map((c) => ({ ...c, rateLimitPerMinute: 6000 })),
    );
  });
  afterAll(async () => {
    await runtime?.close();
    mounted?.close();
  });

  const fixture: DashboardFixture = {
    get mounted() {
      if (!mounted) throw new Error('emulator not mounted yet');
      return mounted;
    },
    get runtime() {
      if (!runtime) throw new Error('runtime not built yet');
      return runtime;
    },
    get credentials() {
      return credentials;
    },
    source: (tenantId, rt) => ({ genesys: rt ?? fixture.runtime, tenantId, requestId: `req-${tenantId}-0001` }),
    async direct(tenantId, path, body) {
      const credential = credentials.find((c) => c.tenantId === tenantId);
      if (!credential) throw new Error(`no tenant ${tenantId}`);
      let token = tokens.get(tenantId);
      if (!token) tokens.set(tenantId, (token = await getToken(fixture.mounted.emulator, credential)));
      const init = body === undefined ? {} : { method: 'POST', body };
      const result = await call(fixture.mounted.emulator, token, path, init);
      if (result.status !== 200) throw new Error(`${path}: ${result.status} ${result.text}`);
      return result.json;
    },
  };
  return fixture;
}
