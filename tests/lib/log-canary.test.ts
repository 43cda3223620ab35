import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuthSettings, getOrganization, searchUsers } from '@/lib/genesys';
import { createGenesysRuntime } from '@/lib/genesys-runtime';
import { parseEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { checkTenant } from '@/lib/tenants/check';
import { control } from '../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../emulator/support/msw-emulator';
import { writeTenantsFile } from '../support/runtime-fixture';

// Every secret the runtime handles is driven through success and each failure path with
// logging at debug; none of them may appear in a single captured line.
let mounted: MountedEmulator;
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [30, 20, 10] });
});
afterAll(() => mounted.close());

function captureLogs() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { lines, logger };
}

const swallow = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    () => undefined,
  );

describe('log canary', () => {
  it('no client secret, access token or service token reaches the logs, whatever happens', async () => {
    const { lines, logger } = captureLogs();
    const credentials = mounted.emulator.listTenantCredentials();
    const [acme, sandbox, globex] = credentials as [
      (typeof credentials)[0],
      (typeof credentials)[0],
      (typeof credentials)[0],
    ];
    const readOnly = mounted.emulator.readOnlyCredential('acme-prod')!;
    const canarySecret = 'canary-secret-3f9b1c77';
    const entries = [
      acme,
      { ...sandbox, clientSecret: canarySecret }, // refused by the token endpoint
      { ...globex, orgId: acme.orgId }, // binding mismatch
      { ...readOnly, tenantId: 'acme-readonly' }, // 403s
    ];
    const serviceToken = mounted.emulator.configServiceToken;
    const env = parseEnv({ TENANTS_FILE: writeTenantsFile(entries), GENESYS_GATEWAY_URL: mounted.baseUrl });
    const runtime = createGenesysRuntime({ env, logger });

    const acmeConnection = await runtime.connectionFor('acme-prod');
    const token = await runtime.tokenProvider.getToken(acmeConnection);
    await getOrganization(runtime.client, acmeConnection);
    await searchUsers(runtime.client, acmeConnection, {
      pageSize: 5,
      query: [{ type: 'CONTAINS', fields: ['name'], value: 'a' }],
    });
    for (const tenantId of ['acme-sandbox', 'globex-eu', 'acme-readonly']) await checkTenant(runtime, tenantId);
    await swallow(getAuthSettings(runtime.client, await runtime.connectionFor('acme-readonly')));

    const fault = (spec: object) => control(mounted.emulator, 'POST', '/faults', spec);
    await fault({ path: '/api/v2/organizations/me', status: 503, count: 2 });
    await swallow(getOrganization(runtime.client, acmeConnection));
    await fault({ path: '/api/v2/organizations/me', connectionReset: true, count: 1 });
    await swallow(getOrganization(runtime.client, acmeConnection));
    await fault({ path: '/api/v2/organizations/me', status: 200, body: { unexpected: true }, count: 1 });
    await swallow(getOrganization(runtime.client, acmeConnection));
    await control(mounted.emulator, 'POST', `/clients/${acme.clientId}/revoke-tokens`);
    await swallow(getOrganization(runtime.client, acmeConnection)); // 401 → re-auth
    // Last: a long Retry-After holds the tenant back for the rest of this runtime's life.
    await fault({ path: '/api/v2/organizations/me', status: 429, headers: { 'Retry-After': '600' }, count: 1 });
    await swallow(getOrganization(runtime.client, acmeConnection));

    const output = lines.join('');
    expect(lines.length).toBeGreaterThan(10); // the paths above really were logged
    expect(output).toContain('tenant_binding_mismatch');
    expect(output).toContain('credentials_invalid');
    for (const secret of [
      canarySecret,
      acme.clientSecret,
      readOnly.clientSecret,
      globex.clientSecret,
      token.value,
      serviceToken,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/Bearer\s+\S{8,}/);
    expect(output).not.toMatch(/Basic\s+[A-Za-z0-9+/=]{8,}/);
    await runtime.close();
  });
});
