/**
 * The users CSV export in real time: a child process per org size runs the export's own code
 * (openUserRows → createUsersCsvStream, the governed client with the real token provider and
 * rate governor) against an emulator server (node:http) and reads the stream as a browser
 * would, keeping nothing. Reports:
 *
 * - time against the theoretical minimum the rate limit sets, upstream requests × 60 s / limit
 *   (a ratio near 1: the export is paced by the budget, not slowed by anything else). A short
 *   export comes in under 1: the governor lets its first B requests go back to back. So the
 *   pacing minimum is shown too: (requests − B − 1) × T with the governor's GCRA B and T, the
 *   best the governor itself can do (its 2 % safety margin included);
 * - 429s the emulator answered (pacing should make it 0);
 * - peak RSS and peak heap of the child for 2 000 vs 20 000 users (a ratio near 1: flat memory).
 *
 * The limit is lowered to 240/min for both the emulator client and the tenant, so the 20 000-user
 * export (~195 pages) takes ~50 s. The same file is the child: BENCH_EXPORT_CHILD=1.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startEmulatorServer, type EmulatorServer } from '../emulator/server';
import { createGenesysClient } from '../lib/genesys/client';
import type { TenantConnection } from '../lib/genesys/ports';
import { gcraParameters } from '../lib/genesys/rate-gcra';
import { createRateGovernor } from '../lib/genesys/rate-governor';
import { createTokenProvider } from '../lib/genesys/token-provider';
import { createUpstreamStores } from '../lib/upstream/index';
import { systemClock } from '../lib/upstream/system-clock';
import { csvHeaderLine } from '../lib/users-export/csv';
import { createUsersCsvStream } from '../lib/users-export/csv-stream';
import { openUserRows } from '../lib/users-export/user-rows';
import { exitWithoutDetails, startProbe, track, type ProbeStats } from './support';

const LIMIT_PER_MIN = 240;
const SIZES = [
  { label: '2k', tenantId: 'acme-sandbox' },
  { label: '20k', tenantId: 'acme-prod' },
] as const;

export interface ChildReport {
  rows: number;
  total: number;
  pages: number;
  retries: number;
  bytes: number;
  ms: number;
  maxRssMb: number;
  /** Peak RSS sampled during the export minus RSS just before it (modules loaded, warmed up). */
  rssGrowthMb: number;
  peakHeapMb: number;
  /** With BENCH_EXPORT_PROBE_MS: GET organization on the same tenant meanwhile (bench/pacing.ts). */
  probe?: ProbeStats;
}

export async function setRateLimit(server: EmulatorServer, clientId: string, perMinute = LIMIT_PER_MIN) {
  const response = await fetch(`${server.url}/__emulator/clients/${clientId}/rate-limit`, {
    method: 'PUT',
    headers: { 'x-service-token': server.emulator.configServiceToken, 'content-type': 'application/json' },
    body: JSON.stringify({ perMinute }),
  });
  if (!response.ok) throw new Error(`rate-limit: HTTP ${response.status}`);
}

/** The export's own code in a child process, paced at `tenant.rateLimitPerMinute`. */
export function runChild(tenant: TenantConnection, emulatorUrl: string, probeEveryMs = 0): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
        env: {
          ...process.env,
          BENCH_EXPORT_CHILD: '1',
          BENCH_EXPORT_PROBE_MS: String(probeEveryMs),
          BENCH_TENANT: JSON.stringify(tenant),
          BENCH_EMULATOR_URL: emulatorUrl,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`bench child exited with ${code}: ${output}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

export async function run(): Promise<void> {
  const server = await startEmulatorServer({ orgSizes: [20_000, 2_000], faultControl: true });
  const results: Array<{ label: string; report: ChildReport; requests: number; rateLimited: number }> = [];
  try {
    for (const { label, tenantId } of SIZES) {
      const credential = server.emulator.listTenantCredentials().find((c) => c.tenantId === tenantId);
      if (!credential) throw new Error(`no tenant ${tenantId}`);
      await setRateLimit(server, credential.clientId);
      const tenant: TenantConnection = {
        ...credential,
        region: credential.region as TenantConnection['region'],
        rateLimitPerMinute: LIMIT_PER_MIN,
      };
      const before = server.emulator.stats();
      const report = await runChild(tenant, server.url);
      const after = server.emulator.stats();
      results.push({
        label,
        report,
        requests: (after.requestsByOrg[credential.orgId] ?? 0) - (before.requestsByOrg[credential.orgId] ?? 0),
        rateLimited: after.rateLimited - before.rateLimited,
      });
    }
  } finally {
    await server.close();
  }

  const minimumMs = (requests: number) => (requests * 60_000) / LIMIT_PER_MIN;
  const { burst, emissionIntervalMs } = gcraParameters(LIMIT_PER_MIN);
  const pacedMs = (requests: number) => Math.max(0, requests - burst - 1) * emissionIntervalMs;
  type Result = (typeof results)[number];
  const ratio = (r: Result) => (r.report.ms / minimumMs(r.requests)).toFixed(2);
  const pacedRatio = (r: Result) => (r.report.ms / Math.max(1, pacedMs(r.requests))).toFixed(2);
  console.log(
    `limit ${LIMIT_PER_MIN}/min per token (emulator client and tenant), GCRA B=${burst} T=${emissionIntervalMs} ms; ` +
      'one child process per size',
  );
  const header = ['size', 'rows', 'pages', 'requests', 'time s', 'minimum s', 'ratio', 'paced min s', 'ratio'];
  header.push('429s', 'retries', 'peak RSS MB', 'RSS growth MB', 'peak heap MB');
  const rows = results.map((r) => [
    r.label,
    String(r.report.rows),
    String(r.report.pages),
    String(r.requests),
    (r.report.ms / 1000).toFixed(1),
    (minimumMs(r.requests) / 1000).toFixed(1),
    ratio(r),
    (pacedMs(r.requests) / 1000).toFixed(1),
    pacedRatio(r),
    String(r.rateLimited),
    String(r.report.retries),
    r.report.maxRssMb.toFixed(1),
    r.report.rssGrowthMb.toFixed(1),
    r.report.peakHeapMb.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join('  '));

  const [small, large] = results;
  if (!small || !large) return;
  console.log(
    `bench export: limit_per_min=${LIMIT_PER_MIN} rows_2k=${small.report.rows} rows_20k=${large.report.rows} ` +
      `time_s_20k=${(large.report.ms / 1000).toFixed(1)} min_s_20k=${(minimumMs(large.requests) / 1000).toFixed(1)} ` +
      `time_ratio_2k=${ratio(small)} time_ratio_20k=${ratio(large)} ` +
      `paced_ratio_2k=${pacedRatio(small)} paced_ratio_20k=${pacedRatio(large)} ` +
      `emulator_429=${small.rateLimited + large.rateLimited} ` +
      `rss_mb_2k=${small.report.maxRssMb.toFixed(1)} rss_mb_20k=${large.report.maxRssMb.toFixed(1)} ` +
      `rss_ratio=${(large.report.maxRssMb / small.report.maxRssMb).toFixed(2)} ` +
      `rss_growth_mb_2k=${small.report.rssGrowthMb.toFixed(1)} rss_growth_mb_20k=${large.report.rssGrowthMb.toFixed(1)} ` +
      `heap_mb_2k=${small.report.peakHeapMb.toFixed(1)} heap_mb_20k=${large.report.peakHeapMb.toFixed(1)} ` +
      `heap_ratio=${(large.report.peakHeapMb / small.report.peakHeapMb).toFixed(2)}`,
  );
}

async function child(): Promise<void> {
  const tenant = JSON.parse(process.env.BENCH_TENANT ?? '{}') as TenantConnection;
  const quiet = () => undefined;
  const logger = { debug: quiet, info: quiet, warn: quiet, error: quiet };
  const stores = createUpstreamStores();
  const gatewayUrl = new URL(process.env.BENCH_EMULATOR_URL ?? '');
  const client = createGenesysClient({
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    logger,
    tokenProvider: createTokenProvider({
      fetch: (input, init) => fetch(input, init),
      clock: systemClock,
      logger,
      ...stores,
      gatewayUrl,
    }),
    governor: createRateGovernor({ clock: systemClock, store: stores.rateStore }),
    gatewayUrl,
    defaults: { maxAttempts: 4, timeoutMs: 30_000, maxWaitMs: 10_000 },
  });
  let peakHeap = 0;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  }, 10);
  const probeMs = Number(process.env.BENCH_EXPORT_PROBE_MS ?? 0);
  const probe = probeMs > 0 ? startProbe(probeMs, () => client.request(tenant, 'organizations.me')) : undefined;
  const start = performance.now();
  const rows = await openUserRows({
    client,
    tenant,
    filter: {},
    signal: new AbortController().signal,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
  });
  const reader = createUsersCsvStream(`# bench\r\n${csvHeaderLine()}`, rows).getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  const ms = performance.now() - start;
  clearInterval(sampler);
  const probeStats = await probe?.stop();
  const report: ChildReport = {
    rows: rows.stats.rows,
    total: rows.total,
    pages: rows.stats.pages,
    retries: rows.stats.retries,
    bytes,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rssGrowthMb: (Math.max(peakRss, process.memoryUsage().rss) - rssBefore) / 2 ** 20,
    peakHeapMb: Math.max(peakHeap, process.memoryUsage().heapUsed) / 2 ** 20,
    ...(probeStats ? { probe: probeStats } : {}),
  };
  console.log(JSON.stringify(report));
  await stores.close();
}

if (process.env.BENCH_EXPORT_CHILD === '1') child().catch(exitWithoutDetails);
