/**
 * Helpers the benchmarks share: free ports, a private Redis, the emulator as its own process
 * (so a load generator in this process does not share a thread with it), the portal on
 * `next start` pointed at that emulator, its JSON sign-in, and table printing.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import type { EmulatorStats } from '../emulator/stats';

export { systemClock as realClock } from '../lib/upstream/system-clock';

export const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    probe.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** REDIS_URL if set, else a private redis-server on a free port with its own --dir. */
export async function withRedis<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.REDIS_URL) return work(process.env.REDIS_URL);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const child = track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], {
      stdio: 'ignore',
    }),
  );
  const url = `redis://127.0.0.1:${port}`;
  try {
    const probe = new Redis(url, { maxRetriesPerRequest: 50, retryStrategy: () => 50 });
    probe.on('error', () => undefined); // refused until redis-server listens
    await probe.ping();
    probe.disconnect();
    return await work(url);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const tracked = new Map<ChildProcess, { group: boolean }>();
let stopOnExit = false;

function stopTracked(): void {
  for (const [child, { group }] of tracked) {
    try {
      if (group && child.pid) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * Registers a child to be stopped when the bench process ends, however it ends (a crash, Ctrl-C,
 * a `timeout`): a `detached` child (emulator, portal, bare proxy) is in a process group of its
 * own, out of the terminal's reach, and would otherwise outlive the run.
 */
export function track<T extends ChildProcess>(child: T, group = false): T {
  if (!stopOnExit) {
    stopOnExit = true;
    process.once('exit', stopTracked);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  }
  tracked.set(child, { group });
  child.once('exit', () => tracked.delete(child));
  return child;
}

/** A child in a process group of its own (so killGroup reaches what it starts), tracked. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, { ...options, detached: true }), true);
}

/**
 * CPU time (user + system, ms) used so far by the live processes of a process group (Linux
 * /proc; NaN elsewhere): what one server costs per request, apart from the load generator and
 * the emulator sharing its cores.
 */
export function groupCpuMs(child: ChildProcess): number {
  const group = child.pid;
  if (!group) return NaN;
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after "(comm)": state ppid pgrp ... utime(14) stime(15), 1-based overall.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Kills a child started with `detached: true` and everything it started (its process group). */
export function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return Promise.resolve(); // already gone
  }
  const force = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }, 5_000);
  return exited.finally(() => clearTimeout(force));
}

export interface EmulatorProcess {
  url: string;
  port: number;
  serviceToken: string;
  /** A fault-control call (`/__emulator${path}`); throws on a non-2xx answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stats(): Promise<EmulatorStats>;
  /** CPU time the emulator process has used so far (ms). */
  cpuMs: () => number;
  close(): Promise<void>;
}

export interface TenantCredentialView {
  tenantId: string;
  orgId: string;
  region: string;
  clientId: string;
  clientSecret: string;
  rateLimitPerMinute: number;
}

/** `npm run emulator` as a child process on a free port, fault control on. */
export async function startEmulatorProcess(orgSizes: number[]): Promise<EmulatorProcess> {
  const serviceToken = randomBytes(24).toString('base64url');
  const child = spawnGroup(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
    env: {
      ...process.env,
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_ORG_SIZES: orgSizes.join(','),
      EMULATOR_FAULT_CONTROL: 'true',
      CONFIG_SERVICE_TOKEN: serviceToken,
    },
    // stdout names the token (never echoed); stderr only carries failures.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__emulator${path}`, {
      method,
      headers: { 'x-service-token': serviceToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    url,
    port: Number(new URL(url).port),
    serviceToken,
    control,
    stats: () => control<EmulatorStats>('GET', '/stats'),
    cpuMs: () => groupCpuMs(child),
    close: () => {
      lines.close();
      return killGroup(child);
    },
  };
}

/** A client-credentials token straight from the emulator's /oauth/token. */
export async function clientToken(emulatorUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const hasBuild = () => existsSync('.next/BUILD_ID');

export interface Portal {
  url: string;
  /** CPU time next start and its workers have used so far (ms). */
  cpuMs: () => number;
  close(): Promise<void>;
}

/**
 * The production build on `next start` with the embedded demo's environment
 * (scripts/embedded-demo.ts), pointed at an emulator the bench controls: config service for the
 * tenant list, gateway for the API. Memory stores (no REDIS_URL), audit to a temporary file.
 */
export async function startPortal(
  emulator: Pick<EmulatorProcess, 'url' | 'serviceToken'>,
  extraEnv: Record<string, string> = {},
): Promise<Portal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-portal-'));
  const child = spawnGroup('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TENANTS_FILE: '',
      REDIS_URL: '',
      CONFIG_SERVICE_URL: `${emulator.url}/api/v1/genesys/tenants`,
      CONFIG_SERVICE_TOKEN: emulator.serviceToken,
      GENESYS_GATEWAY_URL: emulator.url,
      PORTAL_MODE: 'embedded-demo',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      AUDIT_FILE: join(dir, 'audit.jsonl'),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const close = async () => {
    await killGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 480 && child.exitCode === null; attempt++) {
    const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    await health?.arrayBuffer().catch(() => undefined);
    if (health?.ok) return { url, close, cpuMs: () => groupCpuMs(child) };
    await sleep(250);
  }
  await close();
  throw new Error('the portal did not become healthy within 120 s');
}

/** POST /api/auth/login; answers the Cookie header value of the new session. */
export async function signIn(portalUrl: string, email = 'admin@demo.test', password = 'demo'): Promise<string> {
  const response = await fetch(`${portalUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portalUrl },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`sign-in: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Prints rows under a header, columns padded (numbers right-aligned). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = (cell: string) => /^[-+]?[\d.,]+( ?[a-z%/]+)?$/i.test(cell) && /\d/.test(cell);
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => (numeric(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface ProbeStats {
  count: number;
  failed: number;
  p50Ms: number;
  maxMs: number;
}

/**
 * Another caller on the same tenant while a long job runs (an admin opening a page): `call`
 * every `everyMs`, each timed until it succeeds or fails. stop() waits for those in flight.
 */
export function startProbe(everyMs: number, call: () => Promise<unknown>): { stop(): Promise<ProbeStats> } {
  const durations: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  const timer = setInterval(() => {
    const start = performance.now();
    const probe = call().then(
      () => void durations.push(performance.now() - start),
      () => void failed++,
    );
    inFlight.add(probe);
    void probe.finally(() => inFlight.delete(probe));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { count: durations.length + failed, failed, p50Ms: median(durations), maxMs: Math.max(0, ...durations) };
    },
  };
}

/**
 * Ends a bench (or a bench child) on an error with its message only: an SDK error (axios) carries
 * the request's Authorization header, which must never reach the output.
 */
export function exitWithoutDetails(error: unknown): never {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `status ${describeStatus(error)}`;
  console.error(`bench failed: ${message}`);
  process.exit(1);
}

function describeStatus(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? String(status) : 'unknown (not an Error)';
}
