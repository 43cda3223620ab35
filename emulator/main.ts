// `npm run emulator`: the emulator as a standalone server, configured from the environment
// (EMULATOR_PORT, EMULATOR_HOST, EMULATOR_SEED, EMULATOR_ORG_SIZES, EMULATOR_FAULT_CONTROL,
// CONFIG_SERVICE_TOKEN; see emulator/README.md).
import { startEmulatorServer } from './server';
import { CONFIG_SERVICE_PATH } from './index';
import { parseEmulatorEnv } from './main-env';

async function main(): Promise<void> {
  const env = parseEmulatorEnv(process.env);
  if (!env.ok) {
    for (const error of env.errors) console.error(error);
    process.exit(1);
  }
  const server = await startEmulatorServer(env.options);
  const { url, emulator } = server;
  console.log(`Genesys Cloud emulator listening on ${url}`);
  console.log(`  config service:  ${url}${CONFIG_SERVICE_PATH}`);
  console.log(
    `  X-Service-Token: ${emulator.configServiceToken}${env.tokenGenerated ? ' (generated; set CONFIG_SERVICE_TOKEN to fix it)' : ''}`,
  );
  console.log(
    `  fault control:   ${env.options.faultControl ? `${url}/__emulator/` : 'off (EMULATOR_FAULT_CONTROL=true to enable)'}`,
  );
  for (const tenant of emulator.listTenantCredentials()) {
    console.log(`  ${tenant.tenantId.padEnd(14)} ${tenant.displayName} (${tenant.region}, ${tenant.environment})`);
  }

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
