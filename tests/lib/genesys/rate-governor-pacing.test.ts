// End to end against the emulator's strict limiter (at most N requests in ANY rolling 60 s),
// with one fake clock driving the governor, the workers and the emulator: 10× over the limit,
// the governor must keep upstream at zero 429s, alone or as two instances sharing Redis.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';
import type { FetchLike, RateGovernor } from '../../../lib/genesys/ports';
import { createRateGovernor } from '../../../lib/genesys/rate-governor';
import type { RateStore } from '../../../lib/genesys/rate-store';
import { createMemoryRateStore, createRedisClient, createRedisRateStore } from '../../../lib/upstream/index';
import { addClient } from '../../emulator/support/control';
import { getToken } from '../../emulator/support/direct';
import { createFakeClock, drive, type FakeClock } from '../upstream/support/fake-clock';
import { emulatorFetch } from '../upstream/support/emulator-fetch';

const LIMIT = 60;
const REQUESTS = 600;
const WORKERS = 40;

const clients: Redis[] = [];
afterAll(() => Promise.all(clients.map((client) => client.quit())));

/** Every store call is tracked so the fake clock never jumps over real Redis I/O. */
const tracked = (store: RateStore, clock: FakeClock): RateStore => ({
  reserve: (...args) => clock.track(store.reserve(...args)),
  hold: (...args) => clock.track(store.hold(...args)),
  heldUntil: (...args) => clock.track(store.heldUntil(...args)),
});

async function world() {
  const clock = createFakeClock();
  const emulator = createEmulator({ orgSizes: [5], faultControl: true, now: clock.now });
  const client = await addClient(emulator, 'acme-prod', [], { rateLimitPerMinute: LIMIT });
  const token = await getToken(emulator, client);
  const fetch = emulatorFetch(emulator, clock);
  // The token provider's binding check: one unpaced request on the same token's budget.
  expect(
    (await fetch('https://emulator.test/api/v2/tokens/me', { headers: { authorization: `Bearer ${token}` } })).status,
  ).toBe(200);
  // A unique tenant id per test: the Redis schedule is shared by every test file.
  const tenant = { tenantId: `pacing-${randomUUID()}`, rateLimitPerMinute: LIMIT };
  return { clock, emulator, token, fetch, tenant };
}

async function workload(
  clock: FakeClock,
  fetch: FetchLike,
  token: string,
  acquire: (worker: number) => Promise<() => void>,
): Promise<{ statuses: Record<number, number>; durationMs: number }> {
  const statuses: Record<number, number> = {};
  const start = clock.now();
  let issued = 0;
  const worker = async (id: number) => {
    while (issued < REQUESTS) {
      issued++;
      const release = await acquire(id);
      try {
        const response = await fetch('https://emulator.test/api/v2/organizations/me', {
          headers: { authorization: `Bearer ${token}` },
        });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } finally {
        release();
      }
    }
  };
  await drive(clock, Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id))));
  return { statuses, durationMs: clock.now() - start };
}

const viaGovernors =
  (governors: RateGovernor[], tenant: { tenantId: string; rateLimitPerMinute: number }) => (worker: number) =>
    governors[worker % governors.length]!.acquire(tenant, { maxWaitMs: 180_000 });

describe('pacing against the emulator', () => {
  it('control: the same workload without the governor is throttled', async () => {
    const { clock, emulator, token, fetch } = await world();
    const { statuses } = await workload(clock, fetch, token, () => Promise.resolve(() => undefined));
    expect(emulator.stats().rateLimited).toBeGreaterThan(REQUESTS / 2);
    expect(statuses[429]).toBe(emulator.stats().rateLimited);
  });

  it('one instance, 600 requests at 10× the limit: 0 upstream 429s, > 85 % of the limit used', async () => {
    const { clock, emulator, token, fetch, tenant } = await world();
    const governor = createRateGovernor({ clock, store: createMemoryRateStore() });
    const { statuses, durationMs } = await workload(clock, fetch, token, viaGovernors([governor], tenant));
    expect(statuses).toEqual({ 200: REQUESTS });
    expect(emulator.stats().rateLimited).toBe(0);
    const perMinute = REQUESTS / (durationMs / 60_000);
    expect(perMinute / LIMIT).toBeGreaterThan(0.85);
    expect(perMinute).toBeLessThanOrEqual(LIMIT);
  });

  it('two instances sharing one Redis: 0 upstream 429s', async () => {
    const { clock, emulator, token, fetch, tenant } = await world();
    const governors = [0, 1].map(() => {
      const redis = createRedisClient(inject('redisUrl'));
      clients.push(redis);
      return createRateGovernor({ clock, store: tracked(createRedisRateStore(redis), clock) });
    });
    const { statuses } = await workload(clock, fetch, token, viaGovernors(governors, tenant));
    expect(statuses).toEqual({ 200: REQUESTS });
    expect(emulator.stats().rateLimited).toBe(0);
  });

  it('a penalty on one instance holds back the other (shared through Redis)', async () => {
    const { clock, tenant } = await world();
    const [a, b] = [0, 1].map(() => {
      const redis = createRedisClient(inject('redisUrl'));
      clients.push(redis);
      return createRateGovernor({ clock, store: tracked(createRedisRateStore(redis), clock) });
    });
    const start = clock.now();
    await a!.penalize(tenant.tenantId, 42_000);
    const release = await drive(clock, b!.acquire(tenant, { maxWaitMs: 60_000 }));
    release();
    expect(clock.now() - start).toBe(42_000);
  });
});
