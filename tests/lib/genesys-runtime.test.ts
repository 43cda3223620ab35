import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getOrganization } from '@/lib/genesys';
import { control } from '../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../emulator/support/msw-emulator';
import { createConfigServiceRuntime } from '../support/runtime-fixture';

// The whole chain as the server runs it: config service → registry → token provider → client.
let mounted: MountedEmulator;
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [30, 20, 10] });
});
afterAll(() => mounted.close());
afterEach(() => mounted.emulator.reset());

const credential = (tenantId: string) => mounted.emulator.listTenantCredentials().find((c) => c.tenantId === tenantId)!;
const tokenRequests = (clientId: string) => mounted.emulator.stats().tokenRequests[clientId] ?? 0;
const runtime = (refreshIntervalMs?: number) =>
  createConfigServiceRuntime(mounted.baseUrl, mounted.emulator.configServiceToken, undefined, refreshIntervalMs);

describe('Genesys runtime against the emulator', () => {
  it('recovers from a secret rotated at the emulator: 401 → one re-read of the config → new secret', async () => {
    const rt = runtime();
    const acme = credential('acme-prod');
    const before = await getOrganization(rt.client, await rt.connectionFor('acme-prod'));

    const rotated = await control<{ clientSecret: string }>(
      mounted.emulator,
      'POST',
      `/clients/${acme.clientId}/rotate-secret`,
      {
        graceMs: 0,
      },
    );
    expect(rotated.body.clientSecret).not.toBe(acme.clientSecret);
    await control(mounted.emulator, 'POST', `/clients/${acme.clientId}/revoke-tokens`);

    // The stale connection still carries the old secret: the chain must fix it by itself.
    const after = await getOrganization(rt.client, await rt.connectionFor('acme-prod'));
    expect(after.id).toBe(before.id);
    expect(tokenRequests(acme.clientId)).toBe(3); // first token, old secret refused, new secret
    expect((await rt.registry.get('acme-prod')).clientSecret).toBe(rotated.body.clientSecret);
  });

  it('keeps serving stale but valid credentials while the config service is down', async () => {
    const rt = runtime(1000);
    await getOrganization(rt.client, await rt.connectionFor('globex-eu'));
    await control(mounted.emulator, 'PUT', '/config-service', { mode: 'failing' });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the refresh interval pass
    const org = await getOrganization(rt.client, await rt.connectionFor('globex-eu'));
    expect(org.id).toBe(credential('globex-eu').orgId);
    expect(rt.registry.status().lastError?.message).toContain('HTTP 5');
  });

  it('fails closed for a tenant that was never loaded', async () => {
    await control(mounted.emulator, 'PUT', '/config-service', { mode: 'malformed' });
    const rt = runtime();
    const result = await rt.connectionFor('acme-prod').then(
      () => 'loaded',
      (error: { code?: string }) => error.code,
    );
    expect(result).toBe('tenant_unavailable');
  });

  it('evicts the cached token at once when the config service reports a new secret', async () => {
    const rt = runtime(1000);
    const acme = credential('acme-prod');
    await getOrganization(rt.client, await rt.connectionFor('acme-prod'));
    expect(tokenRequests(acme.clientId)).toBe(1);
    // Rotation with a grace period: the old token still works upstream, but the portal must drop it.
    await control(mounted.emulator, 'POST', `/clients/${acme.clientId}/rotate-secret`, { graceMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await getOrganization(rt.client, await rt.connectionFor('acme-prod'));
    expect(tokenRequests(acme.clientId)).toBe(2);
  });
});

describe('background refresh', () => {
  it('re-reads the tenant list on the interval without any request', async () => {
    const rt = runtime(1000);
    await rt.registry.list();
    const before = mounted.emulator.stats().configServiceRequests;
    rt.startBackgroundRefresh();
    await new Promise((resolve) => setTimeout(resolve, 3000)); // two ticks, with slack for a loaded machine
    await rt.close();
    const during = mounted.emulator.stats().configServiceRequests - before;
    expect(during).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(mounted.emulator.stats().configServiceRequests - before).toBe(during); // close() stops it
  });
});
