import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortalUser } from '@/lib/auth/types';
import { loadCredentialsOverview } from '@/lib/credentials/load';
import { parseEnv } from '@/lib/env';
import { createGenesysRuntime, type GenesysRuntime } from '@/lib/genesys-runtime';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import { createTestRuntime, silentLogger, type TenantFileEntry } from '../../support/runtime-fixture';
import { ADMIN, callUpstream } from './fixture';

// The page's loader with the real registry, grants and health; only the process-wide runtime is
// swapped for one per case.
const runtime = vi.hoisted(() => ({ current: undefined as unknown as GenesysRuntime }));
vi.mock('@/lib/tenants', () => ({
  getGenesysRuntime: () => runtime.current,
  getTenantRegistry: () => runtime.current.registry,
}));

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
beforeAll(() => {
  mounted = mountEmulator({ orgSizes: [4, 4] });
  demo = mounted.emulator.listTenantCredentials();
});
afterAll(() => mounted.close());

describe('loadCredentialsOverview', () => {
  it("shows the other organization's id of a mismatch to a user granted every tenant, to no one else", async () => {
    const [first, second] = demo as [TenantFileEntry, TenantFileEntry];
    runtime.current = createTestRuntime(mounted.baseUrl, [{ ...first, orgId: second.orgId }, second]);
    await expect(callUpstream(runtime.current, first.tenantId)).rejects.toMatchObject({
      code: 'tenant_binding_mismatch',
    });
    const other = first.orgId; // the org the credentials really belong to

    const all = await loadCredentialsOverview(ADMIN);
    expect(all.overview.tenants.find((t) => t.tenantId === first.tenantId)?.binding.reportedOrgId).toBe(other);

    // An admin granted both tenants by name: same tenants, but not "every tenant".
    const named: PortalUser = {
      ...ADMIN,
      id: 'admin-2',
      grants: { tenants: [first.tenantId, second.tenantId], groups: [] },
    };
    const some = await loadCredentialsOverview(named);
    const view = some.overview.tenants.find((t) => t.tenantId === first.tenantId);
    expect(view?.binding).toEqual({ state: 'mismatch', at: expect.any(Number) as number });
    expect(view?.health).toBe('failing');
    expect(JSON.stringify(some)).not.toContain(other);
  });

  it('names the unreadable tenants file without its directory', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'credentials-load-')), 'missing', 'tenants.json');
    const env = parseEnv({ TENANTS_FILE: path, GENESYS_GATEWAY_URL: mounted.baseUrl, LOG_LEVEL: 'silent' });
    runtime.current = createGenesysRuntime({ env, logger: silentLogger });

    const { overview, tenantListError } = await loadCredentialsOverview(ADMIN);
    expect(tenantListError).toBe('Tenant list unavailable: cannot read tenants file tenants.json (ENOENT)');
    expect(overview.tenants).toEqual([]);
    expect(overview.source.lastError?.message).toBe('cannot read tenants file tenants.json (ENOENT)');
    expect(JSON.stringify({ overview, tenantListError })).not.toContain(tmpdir());
  });
});
