/**
 * `npm run tenants -- check [--json] [--strict]`: the operator's pre-flight. Loads the configured
 * tenants and, for each, acquires a token, runs the binding check and a read-only permission
 * probe, then prints a table. Exit 1 when any tenant fails (token or binding), or with --strict
 * when any portal feature lacks a permission. With nothing configured it checks the embedded demo.
 */
import pino from 'pino';
import { EnvError, hasTenantSource, parseEnv, type Env } from '../lib/env';
import { createGenesysRuntime } from '../lib/genesys-runtime';
import { REDACT_PATHS } from '../lib/logger-redaction';
import { checkTenant, isTenantFailing, type TenantCheck } from '../lib/tenants/check';
import { startEmbeddedDemo, type EmbeddedDemo } from './embedded-demo';
import { formatCheckTable } from './tenants-format';

const USAGE = 'usage: npm run tenants -- check [--json] [--strict]';

async function runChecks(env: Env): Promise<TenantCheck[]> {
  // Problems go to stderr as JSON lines; secrets are redacted like in the portal.
  const logger = pino(
    { level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.destination(2),
  );
  const runtime = createGenesysRuntime({ env, logger });
  try {
    const tenants = await runtime.registry.list();
    const checks: TenantCheck[] = [];
    for (const tenant of tenants) checks.push(await checkTenant(runtime, tenant.tenantId));
    return checks;
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<number> {
  const [command, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== '--json' && flag !== '--strict');
  if (command !== 'check' || unknown.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let demo: EmbeddedDemo | undefined;
  if (!hasTenantSource(env)) {
    demo = await startEmbeddedDemo(env);
    env = parseEnv({ ...process.env, ...demo.env });
  }
  try {
    const checks = await runChecks(env);
    const failing = checks.filter(isTenantFailing);
    const narrowed = checks.filter((c) => c.features.some((f) => f.state !== 'ok'));
    if (flags.includes('--json')) console.log(JSON.stringify({ checks }, null, 2));
    else console.log(formatCheckTable(checks, demo ? 'embedded demo (emulator)' : 'configured tenants'));
    if (checks.length === 0) return 1;
    return failing.length > 0 || (flags.includes('--strict') && narrowed.length > 0) ? 1 : 0;
  } finally {
    await demo?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
