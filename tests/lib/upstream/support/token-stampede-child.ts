// One "portal instance" for the multi-process test: run with `node --import tsx`. Prints
// `ready`, waits for `go` on stdin, fires STAMPEDE_CALLS concurrent getToken per tenant, prints
// one JSON line { tenantId: [sha256 of each distinct token] } (never the tokens themselves).
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Clock, TenantConnection } from '../../../../lib/genesys/ports';
import { createTokenProvider } from '../../../../lib/genesys/token-provider';
import { createUpstreamStores } from '../../../../lib/upstream/index';

const tenants = JSON.parse(process.env.STAMPEDE_TENANTS ?? '[]') as TenantConnection[];
const calls = Number(process.env.STAMPEDE_CALLS ?? '250');
const stores = createUpstreamStores({ redisUrl: process.env.STAMPEDE_REDIS_URL });
const clock: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const quiet = () => undefined;
const provider = createTokenProvider({
  fetch: (input, init) => fetch(input, init),
  clock,
  logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  cache: stores.cache,
  lock: stores.lock,
  gatewayUrl: new URL(process.env.STAMPEDE_EMULATOR_URL!),
  lockPollMs: 20,
});
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

async function stampede() {
  const report: Record<string, string[]> = {};
  await Promise.all(
    tenants.map(async (tenant) => {
      const tokens = await Promise.all(Array.from({ length: calls }, () => provider.getToken(tenant)));
      report[tenant.tenantId] = [...new Set(tokens.map((token) => digest(token.value)))];
    }),
  );
  console.log(JSON.stringify(report));
}

const input = createInterface({ input: process.stdin });
input.once('line', () => {
  input.close();
  stampede()
    .catch((error: unknown) => {
      console.log(JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }));
      process.exitCode = 1;
    })
    .finally(() => void stores.close());
});
// Ready once Redis answers, so the stampede starts together in every process.
void stores.cache.get('__warm-up__').then(() => console.log('ready'));
