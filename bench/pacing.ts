/**
 * Rate pacing side by side: the same 20 000-user export (every active and inactive user, search
 * pages of 100, sorted by id) under the same lowered limit, by
 *   - the portal: the export's own code (bench/export.ts's child: the governed client, rate
 *     governor and token provider), which paces before it is throttled;
 *   - the official SDK (purecloud-platform-client-v2) paging POST /users/search with a plain
 *     Retry-After loop: on a 429, sleep Retry-After seconds and ask again.
 * Each has its own token, so its own budget. Meanwhile another caller of the same tenant asks
 * for the organization every 5 s through the same client (the portal: the governed client, as a
 * route handler would; the SDK: the same ApiClient and loop), timed until it gets an answer.
 * Reported: total time against the sustained minimum (answered requests × 60 s / limit) and
 * against the rolling-window minimum (a client may spend a whole window's budget at once, so N
 * requests need ⌊(N − 1) / limit⌋ windows), the 429s the emulator answered, and how long the
 * other caller waited for its answers.
 */
import { performance } from 'node:perf_hooks';
import { startEmulatorServer, type EmulatorServer } from '../emulator/server';
import type { TenantCredential } from '../emulator/index';
import type { TenantConnection } from '../lib/genesys/ports';
import { gcraParameters } from '../lib/genesys/rate-gcra';
import { userSearchRequest } from '../lib/users/user-search';
import { runChild, setRateLimit } from './export';
import { printTable, sleep, startProbe, type ProbeStats } from './support';
import { sdk, sdkClientForEmulator } from '../tests/support/official-sdk';

/** Lowered so that the ~197 requests of the export need a second window: about a minute. */
const LIMIT_PER_MIN = 180;
const TENANT = 'acme-prod';

/** Meanwhile, another caller of the same tenant (an admin opening a page) every 5 s. */
const PROBE_EVERY_MS = 5_000;

interface Outcome {
  name: string;
  rows: number;
  requests: number;
  ms: number;
  rateLimited: number;
  probe?: ProbeStats;
}

// `ApiClientClass` is a runtime export the typings only declare as a type (genesys-api.md §13).
type ExtendedError = { status?: number; headers?: Record<string, string> };
type SearchPage = { body: { results?: unknown[]; pageCount?: number } };
type SdkOutcome = { rows: number; ms: number; probe: ProbeStats };

/** The plain loop: call, and on a 429 sleep Retry-After seconds and call again. */
async function withRetryAfter<T>(call: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const { status, headers } = error as ExtendedError;
      if (status !== 429) throw error;
      await sleep(Number(headers?.['retry-after'] ?? 1) * 1000);
    }
  }
}

/** What a quick integration writes: page through users search with the Retry-After loop. */
async function exportWithSdk(server: EmulatorServer, credential: TenantCredential): Promise<SdkOutcome> {
  const client = sdkClientForEmulator(server.port, credential.region);
  client.setReturnExtendedResponses(true);
  await client.loginClientCredentialsGrant(credential.clientId, credential.clientSecret);
  const users = new sdk.UsersApi(client);
  const organization = new sdk.OrganizationApi(client);
  const probe = startProbe(PROBE_EVERY_MS, () => withRetryAfter(() => organization.getOrganizationsMe()));
  const start = performance.now();
  const body = userSearchRequest({});
  let rows = 0;
  for (let pageNumber = 1, pageCount = 1; pageNumber <= pageCount; pageNumber++) {
    const page = (await withRetryAfter(() => users.postUsersSearch({ ...body, pageNumber }))) as unknown as SearchPage;
    rows += page.body.results?.length ?? 0;
    pageCount = page.body.pageCount ?? 0;
  }
  const ms = performance.now() - start;
  return { rows, ms, probe: await probe.stop() };
}

async function measure(
  server: EmulatorServer,
  credential: TenantCredential,
  name: string,
  work: () => Promise<{ rows: number; ms?: number; probe?: ProbeStats }>,
): Promise<Outcome> {
  const before = server.emulator.stats();
  const start = performance.now();
  const { rows, ms, probe } = await work();
  const elapsed = performance.now() - start;
  const after = server.emulator.stats();
  return {
    name,
    rows,
    ms: ms ?? elapsed,
    probe,
    // Answered requests (export pages and probes): what the budget had to carry. 429s apart.
    requests:
      (after.requestsByOrg[credential.orgId] ?? 0) -
      (before.requestsByOrg[credential.orgId] ?? 0) -
      (after.rateLimited - before.rateLimited),
    rateLimited: after.rateLimited - before.rateLimited,
  };
}

export async function run(): Promise<void> {
  const server = await startEmulatorServer({ orgSizes: [20_000], faultControl: true });
  const outcomes: Outcome[] = [];
  try {
    const credential = server.emulator.listTenantCredentials().find((c) => c.tenantId === TENANT);
    if (!credential) throw new Error(`no tenant ${TENANT}`);
    await setRateLimit(server, credential.clientId, LIMIT_PER_MIN);
    const tenant: TenantConnection = {
      ...credential,
      region: credential.region as TenantConnection['region'],
      rateLimitPerMinute: LIMIT_PER_MIN,
    };
    // The child times itself from its first request (its process start is not the export's).
    outcomes.push(
      await measure(server, credential, 'portal (governor)', () => runChild(tenant, server.url, PROBE_EVERY_MS)),
    );
    outcomes.push(
      await measure(server, credential, 'official SDK + Retry-After loop', () => exportWithSdk(server, credential)),
    );
  } finally {
    await server.close();
  }

  const sustainedMs = (requests: number) => (requests * 60_000) / LIMIT_PER_MIN;
  const windowMs = (requests: number) => Math.floor((requests - 1) / LIMIT_PER_MIN) * 60_000;
  const { burst, emissionIntervalMs } = gcraParameters(LIMIT_PER_MIN);
  console.log(
    `20 000-user org (active + inactive users, search pages of 100); emulator limit ${LIMIT_PER_MIN}/min per token ` +
      `(any rolling 60 s); portal GCRA B=${burst} T=${emissionIntervalMs} ms`,
  );
  printTable(
    [
      'client',
      'rows',
      'answered',
      'time s',
      'sustained min s',
      'ratio',
      'window min s',
      'ratio',
      '429s',
      'probe p50 ms',
      'probe max ms',
      'probes failed',
    ],
    outcomes.map((o) => [
      o.name,
      String(o.rows),
      String(o.requests),
      (o.ms / 1000).toFixed(1),
      (sustainedMs(o.requests) / 1000).toFixed(1),
      (o.ms / sustainedMs(o.requests)).toFixed(2),
      (windowMs(o.requests) / 1000).toFixed(1),
      (o.ms / Math.max(1, windowMs(o.requests))).toFixed(2),
      String(o.rateLimited),
      (o.probe?.p50Ms ?? NaN).toFixed(0),
      (o.probe?.maxMs ?? NaN).toFixed(0),
      `${o.probe?.failed ?? 0}/${o.probe?.count ?? 0}`,
    ]),
  );
  const [portal, official] = outcomes;
  if (!portal || !official) return;
  const figures = (key: string, o: Outcome) =>
    `${key}_time_s=${(o.ms / 1000).toFixed(1)} ${key}_answered=${o.requests} ` +
    `${key}_ratio=${(o.ms / sustainedMs(o.requests)).toFixed(2)} ${key}_429=${o.rateLimited} ` +
    `${key}_probe_p50_ms=${(o.probe?.p50Ms ?? NaN).toFixed(0)} ${key}_probe_max_ms=${(o.probe?.maxMs ?? NaN).toFixed(0)}`;
  console.log(
    `bench pacing: limit_per_min=${LIMIT_PER_MIN} rows=${portal.rows} ${figures('portal', portal)} ${figures('sdk', official)}`,
  );
}
