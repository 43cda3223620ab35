/**
 * The rate governor in real time: workers far above the limit go through the rate governor to a real
 * emulator server (node:http) whose per-client limit is set to 1 200/min so a run takes
 * seconds. Reports the upstream rate achieved against the limit (utilization) and the 429s,
 * for one instance (memory store) and for two instances sharing Redis. A run is shorter than
 * the 60 s window, so the initial burst (B + 1 back to back) would inflate the average:
 * utilization is the SUSTAINED rate after the burst; the raw average is shown beside it.
 */
import { type Redis } from 'ioredis';
import { startEmulatorServer, type EmulatorServer } from '../emulator/server';
import { gcraParameters } from '../lib/genesys/rate-gcra';
import { createRateGovernor } from '../lib/genesys/rate-governor';
import type { RateGovernor } from '../lib/genesys/ports';
import { createMemoryRateStore, createRedisClient, createRedisRateStore } from '../lib/upstream/index';
import { realClock, withRedis } from './support';

const LIMIT = 1_200;
const DURATION_MS = 15_000;
const WORKERS = 48;

async function control(server: EmulatorServer, path: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/__emulator${path}`, {
    method: 'POST',
    headers: { 'x-service-token': server.emulator.configServiceToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, string>;
}

async function freshToken(server: EmulatorServer): Promise<string> {
  // A new client per scenario: the emulator's budget is per token, so scenarios don't share one.
  const client = await control(server, '/tenants/acme-prod/clients', { permissions: [], rateLimitPerMinute: LIMIT });
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

type Result = { ok: number; throttled: number; other: number; averagePerMinute: number; ratePerMinute: number };

async function scenario(server: EmulatorServer, governors: RateGovernor[], tenantId: string): Promise<Result> {
  const token = await freshToken(server);
  const tenant = { tenantId, rateLimitPerMinute: LIMIT };
  const sent: number[] = [];
  const counts = { ok: 0, throttled: 0, other: 0 };
  const deadline = Date.now() + DURATION_MS;
  const worker = async (id: number) => {
    const governor = governors[id % governors.length]!;
    while (Date.now() < deadline) {
      const release = await governor.acquire(tenant, { maxWaitMs: 30_000 });
      try {
        if (Date.now() >= deadline) return;
        sent.push(Date.now());
        const response = await fetch(`${server.url}/api/v2/organizations/me`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        if (response.status === 200) counts.ok++;
        else if (response.status === 429) counts.throttled++;
        else counts.other++;
      } finally {
        release();
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));
  sent.sort((a, b) => a - b);
  const perMinute = (from: number) => ((sent.length - 1 - from) / Math.max(1, sent.at(-1)! - sent[from]!)) * 60_000;
  const burst = gcraParameters(LIMIT).burst;
  return { ...counts, averagePerMinute: perMinute(0), ratePerMinute: perMinute(burst) };
}

export async function run(): Promise<void> {
  const server = await startEmulatorServer({ orgSizes: [5], faultControl: true });
  const results: Array<[string, Result]> = [];
  try {
    const single = createRateGovernor({ clock: realClock, store: createMemoryRateStore() });
    results.push(['1 instance, memory store', await scenario(server, [single], `bench-${Date.now()}-a`)]);
    await withRedis(async (url) => {
      const clients: Redis[] = [createRedisClient(url), createRedisClient(url)];
      const pair = clients.map((redis) => createRateGovernor({ clock: realClock, store: createRedisRateStore(redis) }));
      results.push(['2 instances, shared Redis', await scenario(server, pair, `bench-${Date.now()}-b`)]);
      clients.forEach((redis) => redis.disconnect());
    });
  } finally {
    await server.close();
  }
  const paced = gcraParameters(LIMIT);
  const ceiling = 60_000 / paced.emissionIntervalMs;
  console.log(
    `clock: real (wall time), ${DURATION_MS / 1000} s per scenario, ${WORKERS} workers, limit ${LIMIT}/min per token; ` +
      `GCRA B=${paced.burst} Lp=${paced.sustainedPerMinute} T=${paced.emissionIntervalMs} ms → ceiling ${ceiling.toFixed(1)}/min`,
  );
  console.log('scenario                    200s   429s  other  avg/min  sustained/min  utilization');
  for (const [name, r] of results) {
    const utilization = ((r.ratePerMinute / LIMIT) * 100).toFixed(1);
    console.log(
      `${name.padEnd(26)}  ${String(r.ok).padStart(5)}  ${String(r.throttled).padStart(5)}  ${String(r.other).padStart(5)}  ${r.averagePerMinute.toFixed(1).padStart(7)}  ${r.ratePerMinute.toFixed(1).padStart(13)}  ${utilization.padStart(9)} %`,
    );
  }
  const [one, two] = results.map(([, r]) => r);
  console.log(
    `bench governor: clock=real limit_per_min=${LIMIT} duration_s=${DURATION_MS / 1000} ` +
      `single_rate_per_min=${one!.ratePerMinute.toFixed(1)} single_util_pct=${((one!.ratePerMinute / LIMIT) * 100).toFixed(1)} single_429=${one!.throttled} ` +
      `redis2_rate_per_min=${two!.ratePerMinute.toFixed(1)} redis2_util_pct=${((two!.ratePerMinute / LIMIT) * 100).toFixed(1)} redis2_429=${two!.throttled} ` +
      `emulator_429_total=${server.emulator.stats().rateLimited}`,
  );
}
