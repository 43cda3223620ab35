// `npm run emulator`: the emulator as a standalone server, configured from the environment.
import { z } from 'zod';
import { startEmulatorServer } from './server';
import { CONFIG_SERVICE_PATH } from './index';

const envSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  EMULATOR_SEED: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(42),
  EMULATOR_ORG_SIZES: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'a comma-separated list of positive integers, e.g. 2000,500,25')
    .transform((value) => value.split(',').map((size) => Number(size.trim())))
    .refine((sizes) => sizes.every((size) => size >= 1 && size <= 200_000), 'each size must be between 1 and 200000')
    .optional(),
  EMULATOR_FAULT_CONTROL: z.enum(['true', 'false']).default('false'),
  CONFIG_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`Invalid ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const server = await startEmulatorServer({
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    seed: env.EMULATOR_SEED,
    ...(env.EMULATOR_ORG_SIZES ? { orgSizes: env.EMULATOR_ORG_SIZES } : {}),
    faultControl: env.EMULATOR_FAULT_CONTROL === 'true',
    ...(env.CONFIG_SERVICE_TOKEN ? { configServiceToken: env.CONFIG_SERVICE_TOKEN } : {}),
  });
  console.log(`Genesys Cloud emulator listening on ${server.url}`);
  console.log(`  config service: ${server.url}${CONFIG_SERVICE_PATH}`);
  console.log(`  X-Service-Token: ${server.emulator.configServiceToken}${env.CONFIG_SERVICE_TOKEN ? '' : ' (generated; set CONFIG_SERVICE_TOKEN to fix it)'}`);
  console.log(`  fault control: ${env.EMULATOR_FAULT_CONTROL === 'true' ? `${server.url}/__emulator/` : 'off'}`);
  for (const tenant of server.emulator.listTenantCredentials()) {
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
