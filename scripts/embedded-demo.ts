/**
 * The embedded default: the Genesys Cloud emulator on loopback with the demo tenants, and the
 * environment that points the portal's config service and API gateway at it. Used by the
 * launcher (`npm start`) and the operator CLI (`npm run tenants`) when nothing is configured.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_USER_GRANTS } from '../lib/auth/demo-users';
import type { Env } from '../lib/env';

export interface EmbeddedDemo {
  /** Variables that make the portal (or a CLI) use the emulator. */
  env: Record<string, string>;
  tenantLines: string[];
  loginLines: string[];
  close(): Promise<void>;
}

export async function startEmbeddedDemo(
  env: Pick<
    Env,
    'EMULATOR_PORT' | 'EMULATOR_FAULT_CONTROL' | 'CONFIG_SERVICE_TOKEN' | 'SESSION_SECRET' | 'DEMO_PASSWORD'
  >,
): Promise<EmbeddedDemo> {
  const { startEmulatorServer } = await import('../emulator/server');
  const server = await startEmulatorServer({
    port: env.EMULATOR_PORT,
    host: '127.0.0.1',
    // End-to-end tests inject faults; the control routes still need the X-Service-Token.
    faultControl: env.EMULATOR_FAULT_CONTROL === 'true',
    ...(env.CONFIG_SERVICE_TOKEN ? { configServiceToken: env.CONFIG_SERVICE_TOKEN } : {}),
  });
  const tenants = server.emulator.listTenantCredentials();
  return {
    env: {
      CONFIG_SERVICE_URL: `${server.url}/api/v1/genesys/tenants`,
      CONFIG_SERVICE_TOKEN: server.emulator.configServiceToken,
      GENESYS_GATEWAY_URL: server.url,
      PORTAL_MODE: 'embedded-demo',
      // Sessions of this run only; set SESSION_SECRET to keep them across restarts.
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    },
    tenantLines: tenants.map((t) => `  ${t.tenantId.padEnd(16)} ${t.displayName} (${t.region}, ${t.environment})`),
    loginLines: Object.entries(DEMO_USER_GRANTS).map(([email, grants]) => {
      const scope = 'all' in grants ? 'all tenants' : grants.tenants.join(', ');
      return `  ${email.padEnd(18)} password ${env.DEMO_PASSWORD === 'demo' ? '"demo"' : '(DEMO_PASSWORD)'}  ${scope}`;
    }),
    close: () => server.close(),
  };
}
