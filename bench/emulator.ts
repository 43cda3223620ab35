/**
 * How fast the emulator core answers, in process (no sockets): seeding, token grants, paging a
 * whole 20 000-user org, and users search. Later benchmarks (proxy overhead, pacing) measure the
 * portal against these figures, so they must be known.
 */
import { performance } from 'node:perf_hooks';
import { createEmulator, type Emulator, type TenantCredential } from '../emulator/index';

const BASE = 'https://emulator.bench';

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function token(emulator: Emulator, credential: TenantCredential): Promise<string> {
  const response = await emulator.handle(
    new Request(`${BASE}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }),
  );
  return ((await response.json()) as { access_token: string }).access_token;
}

async function json(emulator: Emulator, accessToken: string, path: string, body?: unknown): Promise<unknown> {
  const response = await emulator.handle(
    new Request(`${BASE}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }),
  );
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export async function run(): Promise<void> {
  const [emulator, seedMs] = await timed(async () => Promise.resolve(createEmulator({ faultControl: true })));
  const credential = emulator.listTenantCredentials()[0]!;
  // Lift the per-token limit: this measures the emulator, not its rate limiter.
  await emulator.handle(
    new Request(`${BASE}/__emulator/clients/${credential.clientId}/rate-limit`, {
      method: 'PUT',
      headers: { 'x-service-token': emulator.configServiceToken, 'content-type': 'application/json' },
      body: JSON.stringify({ perMinute: 1_000_000 }),
    }),
  );

  const tokenRuns = 200;
  const [accessToken, tokenMs] = await timed(async () => {
    let last = '';
    for (let i = 0; i < tokenRuns; i++) last = await token(emulator, credential);
    return last;
  });

  const [, firstPageMs] = await timed(() => json(emulator, accessToken, '/api/v2/users?pageSize=1'));
  const pageSize = 500;
  const [pages, pagingMs] = await timed(async () => {
    let pageNumber = 1;
    let pageCount = 1;
    do {
      const page = (await json(
        emulator,
        accessToken,
        `/api/v2/users?pageSize=${pageSize}&pageNumber=${pageNumber}`,
      )) as {
        pageCount: number;
      };
      pageCount = page.pageCount;
      pageNumber++;
    } while (pageNumber <= pageCount);
    return pageCount;
  });

  const searches = 50;
  const [, searchMs] = await timed(async () => {
    for (let i = 0; i < searches; i++) {
      await json(emulator, accessToken, '/api/v2/users/search', {
        pageSize: 100,
        query: [{ type: 'CONTAINS', fields: ['name', 'email'], value: String.fromCharCode(97 + (i % 26)) }],
      });
    }
  });

  const rows = [
    ['createEmulator (6 orgs)', `${seedMs.toFixed(1)} ms`],
    ['first request to 20 000-user org (lazy seed)', `${firstPageMs.toFixed(1)} ms`],
    [`token grant (x${tokenRuns})`, `${(tokenMs / tokenRuns).toFixed(3)} ms each`],
    [`GET /users pageSize=${pageSize}, whole org (${pages} pages)`, `${(pagingMs / pages).toFixed(2)} ms/page`],
    [`POST /users/search CONTAINS (x${searches})`, `${(searchMs / searches).toFixed(2)} ms each`],
  ];
  const width = Math.max(...rows.map(([label]) => label!.length));
  for (const [label, value] of rows) console.log(`${label!.padEnd(width)}  ${value}`);
  console.log(
    `bench emulator: seed_ms=${seedMs.toFixed(1)} lazy_seed_ms=${firstPageMs.toFixed(1)} token_ms=${(tokenMs / tokenRuns).toFixed(3)} page500_ms=${(pagingMs / pages).toFixed(2)} search_ms=${(searchMs / searches).toFixed(2)}`,
  );
}
