import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer } from '@/emulator/server';
import { writeTenantsFile } from '../support/runtime-fixture';
import { runScript } from '../support/run-script';

const runCli = (args: string[], env: Record<string, string>) => runScript('scripts/tenants.ts', args, env, 60_000);

let server: Awaited<ReturnType<typeof startEmulatorServer>>;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, orgSizes: [30, 20] });
});
afterAll(() => server.close());

describe('npm run tenants -- check', () => {
  it('passes every demo tenant of the embedded default', async () => {
    const run = await runCli(['check'], {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('6 ok, 0 failing');
    expect(run.stdout).toMatch(/acme-prod\s+mypurecloud\.com\s+ok\s+ok\s+10\/10/);
  }, 60_000);

  it('exits 1 and says why when a tenant fails, checking the others', async () => {
    const [good, bad] = server.emulator.listTenantCredentials();
    const file = writeTenantsFile([good!, { ...bad!, clientSecret: 'wrong-secret-value' }]);
    const run = await runCli(['check', '--json'], { TENANTS_FILE: file, GENESYS_GATEWAY_URL: server.url });
    expect(run.code).toBe(1);
    const { checks } = JSON.parse(run.stdout) as {
      checks: Array<{ tenantId: string; token: { ok: boolean; code?: string } }>;
    };
    expect(checks.map((c) => [c.tenantId, c.token.ok, c.token.code])).toEqual([
      [good!.tenantId, true, undefined],
      [bad!.tenantId, false, 'credentials_invalid'],
    ]);
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-value');
    expect(run.stdout + run.stderr).not.toContain(good!.clientSecret);
  }, 60_000);

  it('with --strict, a missing permission fails the check', async () => {
    const readOnly = server.emulator.readOnlyCredential('acme-prod')!;
    const file = writeTenantsFile([readOnly]);
    const env = { TENANTS_FILE: file, GENESYS_GATEWAY_URL: server.url };
    const relaxed = await runCli(['check'], env);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('directory:organization:admin');
    expect((await runCli(['check', '--strict'], env)).code).toBe(1);
  }, 60_000);

  it('rejects unknown commands and bad configuration with exit 2', async () => {
    expect((await runCli(['chek'], {})).code).toBe(2);
    const badEnv = await runCli(['check'], { CONFIG_SERVICE_URL: 'ftp://nowhere' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('CONFIG_SERVICE_URL');
  }, 60_000);
});
