/**
 * Proxy overhead: the same `GET /api/v2/organizations/me` under the same load (autocannon, same
 * connections and duration) through
 *   (a) the emulator directly, with a bearer token;
 *   (b) a bare node:http + undici proxy (this file's child) that forwards with a fixed token;
 *   (c) the portal: `GET /api/tenants/acme-prod/organization` on `next start` of the production
 *       build, with a session cookie from POST /api/auth/login, so the proxy.ts gate, the
 *       handler's session and tenant checks, the token cache, the rate governor and logging at
 *       the default level (info) all run.
 * The emulator and the proxy are processes of their own; autocannon runs here. The portal's
 * tenant limit comes from the config service, which reports the emulator client's limit: it is
 * raised to 100 000/min (the tenant schema's maximum) so the governor does not pace this run; its
 * ceiling (one request per whole-ms emission interval) is printed beside the result.
 *
 * The same file is the child: BENCH_PROXY_CHILD=1 node --import tsx bench/proxy.ts
 */
import type { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { gcraParameters } from '../lib/genesys/rate-gcra';
import {
  clientToken,
  hasBuild,
  groupCpuMs,
  killGroup,
  spawnGroup,
  printTable,
  signIn,
  startEmulatorProcess,
  startPortal,
  type EmulatorProcess,
  type TenantCredentialView,
} from './support';

const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP_S = 3;
const TOKEN_POOL = 10;
/** The tenant schema's maximum (lib/tenants/tenant-schema.ts). */
const PORTAL_LIMIT_PER_MIN = 100_000;
const TENANT = 'acme-prod';
const ORG_PATH = '/api/v2/organizations/me';

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  errors: number;
  /** CPU ms per answered request of the server under test (for (a): the emulator itself). */
  serverCpu: number;
  /** CPU ms per answered request of the emulator behind it (NaN for (a)). */
  emulatorCpu: number;
}

/** CPU clocks of the processes involved: the server under test (none for (a)) and the emulator. */
interface CpuClocks {
  server?: () => number;
  emulator: () => number;
}

/**
 * autocannon, plus every 2xx latency as measured (float ms): its own histogram keeps whole
 * milliseconds, too coarse for a loopback hop that takes less than one.
 */
function timedLoad(
  options: autocannon.Options,
  expected: number,
): Promise<{ result: autocannon.Result; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error: unknown, result) =>
      error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve({ result, latencies }),
    );
    // The tracker re-emits each client's response (client, status, bytes, ms); the typings omit it.
    (instance as unknown as EventEmitter).on(
      'response',
      (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status === expected) latencies.push(ms);
      },
    );
  });
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
};

/** `headers` is called per request (the direct path spreads its requests over a token pool). */
async function load(
  name: string,
  url: string,
  headers: () => Record<string, string>,
  cpu: CpuClocks,
  expected = 200,
): Promise<Measured> {
  const options = {
    url,
    connections: CONNECTIONS,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, headers: headers() }) }],
  };
  await autocannon({ ...options, duration: WARMUP_S }); // JIT, pools, first token
  const server = cpu.server ?? cpu.emulator;
  const before = { server: server(), emulator: cpu.emulator() };
  const { result, latencies } = await timedLoad({ ...options, duration: DURATION_S }, expected);
  const perRequest = (used: number) => used / Math.max(1, latencies.length);
  return {
    serverCpu: perRequest(server() - before.server),
    emulatorCpu: cpu.server ? perRequest(cpu.emulator() - before.emulator) : NaN,
    name,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ok: latencies.length,
    other: result.requests.total - latencies.length,
    errors: result.errors,
  };
}

/** The bare proxy: every request forwarded to the emulator with fixed tokens (round robin). */
async function startBareProxy(upstream: string, tokens: string[]) {
  const child = spawnGroup(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      BENCH_PROXY_CHILD: '1',
      BENCH_UPSTREAM: upstream,
      BENCH_UPSTREAM_TOKENS: JSON.stringify(tokens),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error('bare proxy exited early');
  return { url: `http://127.0.0.1:${first.value}`, cpuMs: () => groupCpuMs(child), close: () => killGroup(child) };
}

function child(): void {
  const pool = new Pool(process.env.BENCH_UPSTREAM!, { connections: 64 });
  const tokens = (JSON.parse(process.env.BENCH_UPSTREAM_TOKENS ?? '[]') as string[]).map((t) => `Bearer ${t}`);
  let next = 0;
  const server = createServer((req, res) => {
    const authorization = tokens[next++ % tokens.length]!;
    pool
      .request({ path: req.url ?? '/', method: 'GET', headers: { authorization } })
      .then(async ({ statusCode, headers, body }) => {
        const contentType = headers['content-type'];
        res.writeHead(statusCode, contentType ? { 'content-type': contentType } : {});
        for await (const chunk of body) res.write(chunk as Buffer);
        res.end();
      })
      .catch(() => {
        res.writeHead(502);
        res.end();
      });
  });
  server.listen(0, '127.0.0.1', () => console.log(String((server.address() as AddressInfo).port)));
}

/**
 * Tokens of clients of the same org, their limit out of the way (1 000 000/min). A pool, not one
 * token: the emulator's rolling window (emulator/auth/rate-limit.ts) filters every stamp of the
 * last 60 s on each check, so a single token taking thousands of requests a second slows the
 * emulator itself (O(window) per request) and the fastest path would be penalised most. The
 * portal has one token per tenant; at its rate that costs it little. Harmless once the window
 * is amortised O(1) (the change proposed in BENCHMARKS.md).
 */
async function benchTokens(emulator: EmulatorProcess, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const client = await emulator.control<{ clientId: string; clientSecret: string }>(
      'POST',
      `/tenants/${TENANT}/clients`,
      { permissions: [], rateLimitPerMinute: 1_000_000, name: `bench proxy ${i}` },
    );
    tokens.push(await clientToken(emulator.url, client.clientId, client.clientSecret));
  }
  return tokens;
}

async function measureDirectAndBare(emulator: EmulatorProcess): Promise<Measured[]> {
  const tokens = await benchTokens(emulator, TOKEN_POOL);
  let next = 0;
  const direct = await load(
    '(a) emulator direct',
    `${emulator.url}${ORG_PATH}`,
    () => ({ authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
    { emulator: emulator.cpuMs },
  );
  const bare = await startBareProxy(emulator.url, tokens);
  try {
    const cpu = { server: bare.cpuMs, emulator: emulator.cpuMs };
    return [direct, await load('(b) node:http + undici proxy', `${bare.url}${ORG_PATH}`, () => ({}), cpu)];
  } finally {
    await bare.close();
  }
}

/** (c), and the same route without a session: proxy.ts answers 401, the floor Next itself sets. */
async function measurePortal(emulator: EmulatorProcess): Promise<[Measured, Measured]> {
  const { tenants } = await emulator.control<{ tenants: TenantCredentialView[] }>('GET', '/tenants');
  const tenant = tenants.find((t) => t.tenantId === TENANT);
  if (!tenant) throw new Error(`no tenant ${TENANT}`);
  // Before the portal starts, so its first read of the config service already has the limit.
  await emulator.control('PUT', `/clients/${tenant.clientId}/rate-limit`, { perMinute: PORTAL_LIMIT_PER_MIN });
  const portal = await startPortal(emulator);
  try {
    const cookie = await signIn(portal.url);
    const route = `${portal.url}/api/tenants/${TENANT}/organization`;
    const cpu = { server: portal.cpuMs, emulator: emulator.cpuMs };
    const full = await load('(c) portal route handler', route, () => ({ cookie }), cpu);
    const floor = await load('    same route, no session (401)', route, () => ({}), cpu, 401);
    return [full, floor];
  } finally {
    await portal.close();
  }
}

export async function run(): Promise<void> {
  const emulator = await startEmulatorProcess([50, 50]);
  const results: Measured[] = [];
  let portal: Measured | undefined;
  let floor: Measured | undefined;
  let portal429 = 0;
  try {
    results.push(...(await measureDirectAndBare(emulator)));
    if (hasBuild()) {
      const before = (await emulator.stats()).rateLimited;
      [portal, floor] = await measurePortal(emulator);
      results.push(portal, floor);
      portal429 = (await emulator.stats()).rateLimited - before;
    } else {
      console.log('(c) skipped: no production build (.next/BUILD_ID); run `npm run build` first.');
    }
  } finally {
    await emulator.close();
  }

  const { emissionIntervalMs } = gcraParameters(PORTAL_LIMIT_PER_MIN);
  const ceiling = 1000 / emissionIntervalMs;
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per target after a ${WARMUP_S} s warm-up; ` +
      `GET ${ORG_PATH} of a 50-user org; emulator and bare proxy in their own processes; ` +
      'latencies of the expected status only',
  );
  console.log(
    `portal: next start (production build), memory stores, LOG_LEVEL default (info); tenant limit ` +
      `${PORTAL_LIMIT_PER_MIN}/min → governor ceiling ${ceiling.toFixed(0)} req/s (T=${emissionIntervalMs} ms)`,
  );
  printTable(
    [
      'path',
      'req/s',
      'p50 ms',
      'p99 ms',
      'server CPU ms/req',
      'emulator CPU ms/req',
      'expected status',
      'other',
      'errors',
    ],
    results.map((r) => [
      r.name,
      r.rps.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.serverCpu.toFixed(3),
      Number.isNaN(r.emulatorCpu) ? '—' : r.emulatorCpu.toFixed(3),
      String(r.ok),
      String(r.other),
      String(r.errors),
    ]),
  );
  const [direct, bare] = results;
  if (!direct || !bare) return;
  const figures = [
    `connections=${CONNECTIONS} duration_s=${DURATION_S}`,
    `direct_rps=${direct.rps.toFixed(0)} direct_p50_ms=${direct.p50.toFixed(2)} direct_p99_ms=${direct.p99.toFixed(2)}`,
    `direct_cpu_ms_per_req=${direct.serverCpu.toFixed(3)}`,
    `bare_rps=${bare.rps.toFixed(0)} bare_p50_ms=${bare.p50.toFixed(2)} bare_p99_ms=${bare.p99.toFixed(2)}`,
    `bare_cpu_ms_per_req=${bare.serverCpu.toFixed(3)}`,
  ];
  if (portal) {
    console.log(
      `(c)/(b) throughput ${(portal.rps / bare.rps).toFixed(2)}; (c)−(a) latency p50 +${(portal.p50 - direct.p50).toFixed(2)} ms, ` +
        `p99 +${(portal.p99 - direct.p99).toFixed(2)} ms; (c)/(b) server CPU per request ` +
        `${(portal.serverCpu / bare.serverCpu).toFixed(1)}×; upstream 429s during (c): ${portal429}` +
        (portal.rps > ceiling * 0.9 ? ' (near the governor ceiling: pacing, not overhead, may limit (c))' : ''),
    );
    figures.push(
      `portal_rps=${portal.rps.toFixed(0)} portal_p50_ms=${portal.p50.toFixed(2)} portal_p99_ms=${portal.p99.toFixed(2)}`,
      `portal_cpu_ms_per_req=${portal.serverCpu.toFixed(3)} portal_over_bare_cpu=${(portal.serverCpu / bare.serverCpu).toFixed(1)}`,
      `portal_over_bare_rps=${(portal.rps / bare.rps).toFixed(2)}`,
      `portal_minus_direct_p50_ms=${(portal.p50 - direct.p50).toFixed(2)} portal_minus_direct_p99_ms=${(portal.p99 - direct.p99).toFixed(2)}`,
      `portal_non2xx=${portal.other} upstream_429=${portal429}`,
    );
    if (floor) {
      figures.push(
        `portal_401_rps=${floor.rps.toFixed(0)} portal_401_p50_ms=${floor.p50.toFixed(2)} ` +
          `portal_401_cpu_ms_per_req=${floor.serverCpu.toFixed(3)}`,
      );
    }
  } else {
    figures.push('portal=skipped');
  }
  console.log(`bench proxy: ${figures.join(' ')}`);
}

if (process.env.BENCH_PROXY_CHILD === '1') child();
