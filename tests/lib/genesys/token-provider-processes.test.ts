// 4 Node processes share one real Redis and one emulator server (node:http); each fires many
// concurrent getToken for two tenants at the same moment. The emulator must see exactly one
// token request per tenant, and every process must end up with that same token.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../../../emulator/server';

const CHILD = fileURLToPath(new URL('../upstream/support/token-stampede-child.ts', import.meta.url));
const PROCESSES = 4;

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ orgSizes: [5, 5] });
});
afterAll(() => server.close());

function lines(child: ChildProcess): AsyncIterator<string, undefined> {
  return createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

async function nextLine(iterator: AsyncIterator<string, undefined>): Promise<string> {
  const result = await iterator.next();
  if (result.done) throw new Error('child exited early');
  return result.value;
}

it('4 processes × 2 tenants × 250 concurrent callers: one token request per tenant', { timeout: 40_000 }, async () => {
  // Fresh tenant ids: the shared Redis may hold tokens from earlier runs.
  const tenants = server.emulator
    .listTenantCredentials()
    .map((credential) => ({ ...credential, tenantId: `${credential.tenantId}-${randomUUID().slice(0, 8)}` }));
  const children = Array.from({ length: PROCESSES }, () =>
    spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      env: {
        ...process.env,
        STAMPEDE_TENANTS: JSON.stringify(tenants),
        STAMPEDE_REDIS_URL: inject('redisUrl'),
        STAMPEDE_EMULATOR_URL: server.url,
        STAMPEDE_CALLS: '250',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  try {
    const outputs = children.map(lines);
    expect(await Promise.all(outputs.map(nextLine))).toEqual(Array(PROCESSES).fill('ready'));
    for (const child of children) child.stdin.write('go\n');
    const reports = (await Promise.all(outputs.map(nextLine))).map(
      (line) => JSON.parse(line) as Record<string, string[]>,
    );

    const stats = server.emulator.stats();
    for (const tenant of tenants) {
      expect(stats.tokenRequests[tenant.clientId]).toBe(1);
      const seen = new Set(reports.flatMap((report) => report[tenant.tenantId] ?? []));
      expect(seen.size).toBe(1);
    }
  } finally {
    for (const child of children) child.kill();
  }
});
