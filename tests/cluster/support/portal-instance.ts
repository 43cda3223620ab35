/**
 * One `next start` of the production build, in its own process group (so teardown can kill
 * next and any child it forks), its stdout and stderr in a log file under reports/cluster/.
 * Started directly from node_modules/.bin: `npx next start &` would orphan next-server.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { sleep, waitFor } from './deadline';

export interface PortalInstanceInfo {
  name: string;
  url: string;
  port: number;
  pid: number;
  logFile: string;
}

export interface PortalInstance extends PortalInstanceInfo {
  stop(): Promise<void>;
  /** For exit handlers: SIGKILL the group, no waiting. */
  killNow(): void;
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');

export async function startPortal(options: {
  name: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  /**
   * Polled until it answers 200. Default /api/health; a public page instead leaves the first
   * request that builds the portal's runtimes to the test.
   */
  readyPath?: string;
}): Promise<PortalInstance> {
  const { name, port, env, logFile, readyPath = '/api/health' } = options;
  const out = openSync(logFile, 'w');
  const child = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...env, NODE_ENV: 'production' },
  });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`portal ${name} did not start`);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
  child.unref();

  const killNow = () => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    const outcome = await waitFor(
      `portal ${name} answering ${url}${readyPath}`,
      async () => {
        if (exited) return 'exited';
        const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        return response.status === 200 ? 'ready' : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    if (outcome === 'exited') throw new Error(`portal ${name} ${exited}:\n${tail(logFile)}`);
  } catch (error) {
    killNow();
    throw error;
  }

  return {
    name,
    url,
    port,
    pid,
    logFile,
    killNow,
    async stop() {
      if (!groupAlive(pid)) return;
      process.kill(-pid, 'SIGTERM');
      // stack.md: with its Redis gone a server can ignore SIGTERM; never wait for ever.
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      killNow();
    },
  };
}
