/**
 * Token stampede across processes: N Node processes × T tenants × C concurrent getToken each,
 * at the same moment, against one emulator server (node:http). Counts the token requests the
 * emulator saw per tenant, with the shared Redis stores and, as the baseline, with in-memory
 * stores (no cross-process single flight). Round "cold" starts empty; round "expiry" deletes
 * the cached tokens everywhere at once, as if they all expired together.
 *
 * The same file is the child: BENCH_TOKENS_CHILD=1 node --import tsx bench/tokens.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startEmulatorServer } from '../emulator/server';
import type { TenantConnection } from '../lib/genesys/ports';
import { createTokenProvider } from '../lib/genesys/token-provider';
import { createUpstreamStores } from '../lib/upstream/index';
import { systemClock as realClock } from '../lib/upstream/system-clock';

const PROCESSES = 4;
const CALLS = 500;
const ORG_SIZES = [5, 5, 5];

export { realClock };

/** REDIS_URL if set, else a private redis-server on a free port (like the test global setup). */
export async function withRedis<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.REDIS_URL) return work(process.env.REDIS_URL);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], {
    stdio: 'ignore',
  });
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

type ChildReport = Record<string, { tokens: string[]; ms: number }>;

async function stampede(tenants: TenantConnection[], emulatorUrl: string, redisUrl?: string): Promise<ChildReport[]> {
  const children: ChildProcess[] = Array.from({ length: PROCESSES }, () =>
    spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: {
        ...process.env,
        BENCH_TOKENS_CHILD: '1',
        BENCH_TENANTS: JSON.stringify(tenants),
        BENCH_EMULATOR_URL: emulatorUrl,
        BENCH_REDIS_URL: redisUrl ?? '',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]());
  const next = async (iterator: AsyncIterator<string, undefined>) => {
    const result = await iterator.next();
    if (result.done) throw new Error('bench child exited early');
    return result.value;
  };
  try {
    await Promise.all(outputs.map(next)); // "ready" from everyone
    for (const child of children) child.stdin!.write('go\n');
    return (await Promise.all(outputs.map(next))).map((line) => JSON.parse(line) as ChildReport);
  } finally {
    for (const child of children) child.kill();
  }
}

export async function run(): Promise<void> {
  const server = await startEmulatorServer({ orgSizes: ORG_SIZES });
  const figures: Record<string, number[]> = {};
  const rows: string[][] = [];
  try {
    await withRedis(async (redisUrl) => {
      const redis = new Redis(redisUrl);
      let before = server.emulator.stats().tokenRequests;
      for (const [stores, round] of [
        ['redis', 'cold'],
        ['redis', 'expiry'],
        ['memory', 'cold'],
      ] as const) {
        const suffix = stores === 'memory' ? '-mem' : '';
        const tenants = server.emulator
          .listTenantCredentials()
          .map((c) => ({ ...c, tenantId: `${c.tenantId}${suffix}`, region: c.region as TenantConnection['region'] }));
        if (round === 'expiry') await redis.del(...tenants.map((t) => `genesys:tenant:${t.tenantId}:token`));
        const reports = await stampede(tenants, server.url, stores === 'redis' ? redisUrl : undefined);
        const after = server.emulator.stats().tokenRequests;
        const perTenant = tenants.map((t) => (after[t.clientId] ?? 0) - (before[t.clientId] ?? 0));
        before = after;
        figures[`${stores}_${round}`] = perTenant;
        tenants.forEach((tenant, i) => {
          const distinct = new Set(reports.flatMap((report) => report[tenant.tenantId]?.tokens ?? [])).size;
          const ms = Math.max(...reports.map((report) => report[tenant.tenantId]?.ms ?? 0));
          rows.push([`${stores}/${round}`, tenant.tenantId, String(perTenant[i]), String(distinct), ms.toFixed(1)]);
        });
      }
      redis.disconnect();
    });
  } finally {
    await server.close();
  }
  const header = ['stores/round', 'tenant', 'token requests', 'distinct tokens', 'slowest caller ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log(
    `bench tokens: processes=${PROCESSES} tenants=${ORG_SIZES.length} calls_per_process_per_tenant=${CALLS} ` +
      Object.entries(figures)
        .map(([name, values]) => `${name}_token_requests=${values.join(',')}`)
        .join(' '),
  );
}

async function child(): Promise<void> {
  const tenants = JSON.parse(process.env.BENCH_TENANTS ?? '[]') as TenantConnection[];
  const stores = createUpstreamStores({ redisUrl: process.env.BENCH_REDIS_URL || undefined });
  const quiet = () => undefined;
  const provider = createTokenProvider({
    fetch: (input, init) => fetch(input, init),
    clock: realClock,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    cache: stores.cache,
    lock: stores.lock,
    gatewayUrl: new URL(process.env.BENCH_EMULATOR_URL!),
    lockPollMs: 20,
  });
  await stores.cache.get('__warm-up__');
  console.log('ready');
  const input = createInterface({ input: process.stdin });
  await new Promise((resolve) => input.once('line', resolve));
  input.close();
  const report: ChildReport = {};
  await Promise.all(
    tenants.map(async (tenant) => {
      const start = performance.now();
      const tokens = await Promise.all(Array.from({ length: CALLS }, () => provider.getToken(tenant)));
      const digests = tokens.map((t) => createHash('sha256').update(t.value).digest('hex').slice(0, 12));
      report[tenant.tenantId] = { tokens: [...new Set(digests)], ms: performance.now() - start };
    }),
  );
  console.log(JSON.stringify(report));
  await stores.close();
}

if (process.env.BENCH_TOKENS_CHILD === '1') void child();
