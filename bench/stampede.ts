/**
 * Token stampede across processes: PROCESSES Node processes × 3 tenants × CALLS concurrent
 * "give me a valid token" each, released at the same moment, against one emulator server
 * (node:http). Counts the token requests the emulator saw per tenant for four ways of holding
 * a token:
 *   - portal + Redis: the portal's token provider with the shared Redis cache and lock;
 *   - portal, memory: the same provider with in-process stores (one instance's view);
 *   - singleton: the tutorial-style module-level cache (one promise per tenant per process);
 *   - official SDK, naive: purecloud-platform-client-v2, one ApiClient per tenant per process,
 *     each call logs in with loginClientCredentialsGrant when the client holds no valid token.
 * Each strategy runs two rounds in the same processes: "cold" (nothing cached) and "expiry"
 * (every cached token expires at once: the Redis keys are deleted, the in-process caches are
 * marked expired, while the processes keep running).
 *
 * The same file is the child: BENCH_STAMPEDE_CHILD=1 node --import tsx bench/stampede.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startEmulatorServer } from '../emulator/server';
import type { TenantConnection } from '../lib/genesys/ports';
import { createTokenProvider } from '../lib/genesys/token-provider';
import { createUpstreamStores } from '../lib/upstream/index';
import { exitWithoutDetails, printTable, quietLogger, realClock, track, withRedis } from './support';
import { sdkClientForEmulator, type ApiClient } from '../tests/support/official-sdk';

const PROCESSES = 4;
const CALLS = 200;
const ORG_SIZES = [5, 5, 5];
const STRATEGIES = ['portal-redis', 'portal-memory', 'singleton', 'sdk-naive'] as const;
const ROUNDS = ['cold', 'expiry'] as const;
type Strategy = (typeof STRATEGIES)[number];

const LABELS: Record<Strategy, string> = {
  'portal-redis': 'portal, Redis stores',
  'portal-memory': 'portal, memory stores',
  singleton: 'in-process singleton',
  'sdk-naive': 'official SDK, naive',
};

type ChildReport = Record<string, { tokens: string[]; failed: number; ms: number }>;

/** Line-oriented control of the children: "ready" → "go <round>" → one JSON report per round. */
async function startChildren(strategy: Strategy, tenants: TenantConnection[], emulatorUrl: string, redisUrl: string) {
  const children: ChildProcess[] = Array.from({ length: PROCESSES }, () =>
    track(
      spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
        env: {
          ...process.env,
          BENCH_STAMPEDE_CHILD: '1',
          BENCH_STRATEGY: strategy,
          BENCH_TENANTS: JSON.stringify(tenants),
          BENCH_EMULATOR_URL: emulatorUrl,
          BENCH_REDIS_URL: strategy === 'portal-redis' ? redisUrl : '',
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    ),
  );
  const outputs = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]());
  const nextLine = async (iterator: AsyncIterator<string, undefined>) => {
    const result = await iterator.next();
    if (result.done) throw new Error('bench child exited early');
    return result.value;
  };
  await Promise.all(outputs.map(nextLine)); // "ready" from everyone
  return {
    async round(round: string): Promise<ChildReport[]> {
      for (const child of children) child.stdin!.write(`go ${round}\n`);
      return (await Promise.all(outputs.map(nextLine))).map((line) => JSON.parse(line) as ChildReport);
    },
    close: () => children.forEach((child) => child.kill()),
  };
}

interface Row {
  strategy: Strategy;
  round: string;
  perTenant: number[];
  distinct: number[];
  failed: number;
  slowestMs: number;
}

export async function run(): Promise<void> {
  const server = await startEmulatorServer({ orgSizes: ORG_SIZES });
  const rows: Row[] = [];
  try {
    await withRedis(async (redisUrl) => {
      const redis = new Redis(redisUrl);
      for (const strategy of STRATEGIES) {
        // Tenant ids of their own per strategy: no strategy finds another's cached token.
        const tenants = server.emulator.listTenantCredentials().map((c) => ({
          ...c,
          tenantId: `${c.tenantId}-${strategy}`,
          region: c.region as TenantConnection['region'],
        }));
        const children = await startChildren(strategy, tenants, server.url, redisUrl);
        try {
          for (const round of ROUNDS) {
            if (round === 'expiry' && strategy === 'portal-redis')
              await redis.del(...tenants.map((t) => `genesys:tenant:${t.tenantId}:token`));
            const before = server.emulator.stats().tokenRequests;
            const reports = await children.round(round);
            const after = server.emulator.stats().tokenRequests;
            rows.push({
              strategy,
              round,
              perTenant: tenants.map((t) => (after[t.clientId] ?? 0) - (before[t.clientId] ?? 0)),
              distinct: tenants.map((t) => new Set(reports.flatMap((report) => report[t.tenantId]?.tokens ?? [])).size),
              failed: reports
                .flatMap((report) => Object.values(report).map((r) => r.failed))
                .reduce((a, b) => a + b, 0),
              slowestMs: Math.max(...reports.flatMap((report) => Object.values(report).map((r) => r.ms))),
            });
          }
        } finally {
          children.close();
        }
      }
      redis.disconnect();
    });
  } finally {
    await server.close();
  }
  const callers = PROCESSES * CALLS;
  console.log(
    `${PROCESSES} processes × ${ORG_SIZES.length} tenants × ${CALLS} concurrent calls per process and tenant ` +
      `(${callers} callers per tenant), released together; ideal: 1 token request per tenant`,
  );
  printTable(
    [
      'strategy',
      'round',
      'token requests per tenant',
      'distinct tokens',
      'per tenant / ideal',
      'failed calls',
      'slowest caller ms',
    ],
    rows.map((r) => [
      LABELS[r.strategy],
      r.round,
      r.perTenant.join(', '),
      r.distinct.join(', '),
      `${(r.perTenant.reduce((a, b) => a + b, 0) / r.perTenant.length).toFixed(0)}×`,
      String(r.failed),
      r.slowestMs.toFixed(0),
    ]),
  );
  const key = (r: Row) => `${r.strategy.replace('-', '_')}_${r.round}`;
  console.log(
    `bench stampede: processes=${PROCESSES} tenants=${ORG_SIZES.length} calls_per_process_per_tenant=${CALLS} ` +
      rows
        .map(
          (r) => `${key(r)}_token_requests=${r.perTenant.join(',')}${r.failed ? ` ${key(r)}_failed=${r.failed}` : ''}`,
        )
        .join(' '),
  );
}

/** One strategy as the child holds it: a valid token for a tenant, and "every cached token expires now". */
interface Holder {
  getToken(tenant: TenantConnection): Promise<string>;
  expireAll(): Promise<void>;
  close(): Promise<void>;
}

function portalHolder(redisUrl: string | undefined, gatewayUrl: URL): Holder {
  const stores = createUpstreamStores({ redisUrl });
  const provider = createTokenProvider({
    fetch: (input, init) => fetch(input, init),
    clock: realClock,
    logger: quietLogger,
    cache: stores.cache,
    lock: stores.lock,
    gatewayUrl,
    lockPollMs: 20,
  });
  const tenants = JSON.parse(process.env.BENCH_TENANTS ?? '[]') as TenantConnection[];
  return {
    getToken: async (tenant) => (await provider.getToken(tenant)).value,
    // With Redis the parent deleted the shared keys; the memory cache is this process's own.
    expireAll: async () => {
      if (!redisUrl) await Promise.all(tenants.map((t) => stores.cache.delete(t.tenantId)));
    },
    close: () => stores.close(),
  };
}

/** The tutorial's token helper, one per tenant: a module-level cache and its pending fetch. */
function singletonHolder(gatewayUrl: URL): Holder {
  const tokens = new Map<string, { value: string; expiresAt: number }>();
  const pending = new Map<string, Promise<{ value: string; expiresAt: number }>>();
  const fetchToken = async (tenant: TenantConnection) => {
    const response = await fetch(new URL('/oauth/token', gatewayUrl), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as { access_token: string; expires_in: number };
    return { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  };
  return {
    async getToken(tenant) {
      const cached = tokens.get(tenant.tenantId);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      let flight = pending.get(tenant.tenantId);
      if (!flight) {
        flight = fetchToken(tenant).finally(() => pending.delete(tenant.tenantId));
        pending.set(tenant.tenantId, flight);
      }
      const token = await flight;
      tokens.set(tenant.tenantId, token);
      return token.value;
    },
    expireAll: () => {
      for (const token of tokens.values()) token.expiresAt = 0;
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

// `ApiClientClass` is a runtime export the typings only declare as a type (genesys-api.md §13).

/** Where the SDK keeps the token it logged in with (untyped in its typings). */
const authDataOf = (client: ApiClient) =>
  (client as unknown as { authData: { accessToken?: string; tokenExpiryTime?: number } }).authData;

/** The SDK as a quick integration uses it: log in whenever the client holds no valid token. */
function sdkHolder(gatewayUrl: URL): Holder {
  const clients = new Map<string, ApiClient>();
  const clientFor = (tenant: TenantConnection) => {
    let client = clients.get(tenant.tenantId);
    if (!client) {
      client = sdkClientForEmulator(Number(gatewayUrl.port), tenant.region, gatewayUrl.hostname);
      clients.set(tenant.tenantId, client);
    }
    return client;
  };
  return {
    async getToken(tenant) {
      const client = clientFor(tenant);
      const auth = authDataOf(client);
      if (auth.accessToken && (auth.tokenExpiryTime ?? 0) > Date.now()) return auth.accessToken;
      const fresh = (await client.loginClientCredentialsGrant(tenant.clientId, tenant.clientSecret)) as {
        accessToken: string;
      };
      return fresh.accessToken;
    },
    expireAll: () => {
      for (const client of clients.values()) authDataOf(client).tokenExpiryTime = 0;
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

async function child(): Promise<void> {
  const tenants = JSON.parse(process.env.BENCH_TENANTS ?? '[]') as TenantConnection[];
  const gatewayUrl = new URL(process.env.BENCH_EMULATOR_URL!);
  const strategy = process.env.BENCH_STRATEGY as Strategy;
  const holder =
    strategy === 'singleton'
      ? singletonHolder(gatewayUrl)
      : strategy === 'sdk-naive'
        ? sdkHolder(gatewayUrl)
        : portalHolder(process.env.BENCH_REDIS_URL || undefined, gatewayUrl);
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'go expiry') await holder.expireAll();
    const report: ChildReport = {};
    await Promise.all(
      tenants.map(async (tenant) => {
        const start = performance.now();
        // A failed call (e.g. the SDK reusing a keep-alive socket the server just closed) is counted, not fatal.
        const settled = await Promise.allSettled(Array.from({ length: CALLS }, () => holder.getToken(tenant)));
        const tokens = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        const digests = tokens.map((t) => createHash('sha256').update(t).digest('hex').slice(0, 12));
        report[tenant.tenantId] = {
          tokens: [...new Set(digests)],
          failed: settled.length - tokens.length,
          ms: performance.now() - start,
        };
      }),
    );
    console.log(JSON.stringify(report));
  }
  await holder.close();
}

if (process.env.BENCH_STAMPEDE_CHILD === '1') child().catch(exitWithoutDetails);
