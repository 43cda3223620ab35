// One msw-mounted emulator per test file, driven by the file's fake clock, with fault helpers.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type MountedEmulator, mountEmulator } from '../../../emulator/support/msw-emulator';
import { control } from '../../../emulator/support/control';
import { credentialOf } from '../../../emulator/support/direct';
import type { TenantConnection } from '@/lib/genesys/ports';
import { type TestClock, createTestClock, toConnection } from './fakes';

export type FaultSpec = {
  path: string;
  method?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  latencyMs?: number;
  connectionReset?: boolean;
  count?: number;
};

export type EmulatorFixture = {
  readonly mounted: MountedEmulator;
  readonly clock: TestClock;
  tenant(tenantId?: string): TenantConnection;
  readOnlyTenant(tenantId?: string): TenantConnection;
  fault(spec: FaultSpec): Promise<void>;
  control<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
};

/**
 * Mounts in beforeAll, resets world and sleeps before each test. The emulator's clock is the
 * test clock and its latency faults advance it, so a "30 s slow answer" costs no real time.
 */
export function setupEmulator(orgSizes: number[], extraHosts: string[] = []): EmulatorFixture {
  const clock = createTestClock();
  let mounted: MountedEmulator | undefined;
  beforeAll(() => {
    mounted = mountEmulator({
      orgSizes,
      extraHosts,
      faultControl: true,
      now: () => clock.now(),
      sleep: (ms) => {
        clock.advance(ms);
        return Promise.resolve();
      },
    });
  });
  afterAll(() => mounted?.close());
  beforeEach(() => {
    mounted?.emulator.reset();
    clock.sleeps.length = 0;
  });
  const get = (): MountedEmulator => {
    if (!mounted) throw new Error('emulator not mounted yet');
    return mounted;
  };
  return {
    get mounted() {
      return get();
    },
    clock,
    tenant: (tenantId = 'acme-prod') => toConnection(credentialOf(get().emulator, tenantId)),
    readOnlyTenant(tenantId = 'acme-prod') {
      const credential = get().emulator.readOnlyCredential(tenantId);
      if (!credential) throw new Error(`no read-only client for ${tenantId}`);
      return toConnection(credential);
    },
    async fault(spec) {
      const { status } = await control(get().emulator, 'POST', '/faults', spec);
      if (status !== 201 && status !== 200) throw new Error(`fault rejected: ${status}`);
    },
    control: (method, path, body) => control(get().emulator, method, path, body),
  };
}
