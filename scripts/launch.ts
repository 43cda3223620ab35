/**
 * `npm start` / `npm run dev`. With a tenant source configured (TENANTS_FILE or
 * CONFIG_SERVICE_URL) it runs Next.js as is. With none, it is the embedded default: it starts the
 * Genesys Cloud emulator on loopback, points the portal's config service and API gateway at it,
 * and runs the portal on 127.0.0.1 only, printing where to go.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EnvError, hasTenantSource, parseEnv, type Env } from '../lib/env';
import { startEmbeddedDemo } from './embedded-demo';

type Mode = 'start' | 'dev';

async function waitForHealth(url: string, child: { exitCode: number | null }): Promise<boolean> {
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 500 || response.status === 503) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const mode: Mode = process.argv[2] === 'dev' ? 'dev' : 'start';
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (mode === 'start' && !existsSync('.next/BUILD_ID')) {
    console.error('No production build found. Run `npm run build` first (the README run command does both).');
    process.exit(1);
  }

  const embedded = hasTenantSource(env) ? undefined : await startEmbeddedDemo(env);
  // The demo has well-known logins: it must never be reachable from another machine.
  const host = embedded ? '127.0.0.1' : env.HOST;
  if (embedded && env.HOST !== '127.0.0.1')
    console.warn(`HOST=${env.HOST} ignored: the embedded demo listens on 127.0.0.1 only.`);

  const child = spawn('node_modules/.bin/next', [mode, '-H', host, '-p', String(env.PORT)], {
    stdio: 'inherit',
    env: { ...process.env, ...embedded?.env },
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  child.on('exit', (code, signal) => {
    void (embedded?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });

  const url = `http://${host}:${env.PORT}`;
  if (await waitForHealth(url, child)) {
    const lines = [``, `Genesys Tenant Portal is ready: ${url}`];
    if (embedded) {
      lines.push(`Embedded demo: tenants served by the local Genesys Cloud emulator:`, ...embedded.tenantLines);
      lines.push(`Demo logins (this machine only):`, ...embedded.loginLines);
    }
    console.log(lines.join('\n') + '\n');
  }
}

void main();
