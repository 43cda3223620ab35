// fast-check's scheduler decides the order in which every await of the token provider
// resumes (HTTP answers, cache and lock calls, poll sleeps) across two "instances" that share
// one cache and one lock, while callers also invalidate and token requests fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';
import { TenantAccessError } from '../../../lib/genesys/errors';
import type { Clock, DistributedLock, FetchLike, TenantConnection, TokenCache } from '../../../lib/genesys/ports';
import type { RegionEnvironment } from '../../../lib/genesys/regions';
import { createTokenProvider } from '../../../lib/genesys/token-provider';
import { createMemoryLock, createMemoryTokenCache } from '../../../lib/upstream/index';
import { silentLogger } from '../upstream/support/emulator-fetch';

const emulator = createEmulator({ orgSizes: [5] });
const credential = emulator.listTenantCredentials()[0]!;
const tenant: TenantConnection = { ...credential, region: credential.region as RegionEnvironment };

type Op = { kind: 'get'; instance: number } | { kind: 'invalidate'; instance: number } | { kind: 'fail' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('get' as const), instance: fc.integer({ min: 0, max: 1 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('invalidate' as const), instance: fc.integer({ min: 0, max: 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const) }) },
);

async function accepted(token: string): Promise<boolean> {
  const response = await emulator.handle(
    new Request('https://emulator.test/api/v2/tokens/me', { headers: { authorization: `Bearer ${token}` } }),
  );
  return response.status === 200;
}

function scheduledWorld(s: fc.Scheduler) {
  let inflight = 0;
  let maxInflight = 0;
  let armedFailures = 0;
  const fetch: FetchLike = async (input, init) => {
    const isGrant = input.endsWith('/oauth/token');
    if (isGrant) maxInflight = Math.max(maxInflight, ++inflight);
    try {
      await s.schedule(Promise.resolve(), isGrant ? 'token answer' : 'tokens/me answer');
      if (isGrant && armedFailures > 0) {
        armedFailures--;
        return new Response('{}', { status: 503 });
      }
      return await emulator.handle(new Request(input, init));
    } finally {
      if (isGrant) inflight--;
    }
  };
  // Every store call and every poll sleep resumes when the scheduler says so.
  const memoryCache = createMemoryTokenCache();
  const cache: TokenCache = {
    get: s.scheduleFunction((id: string) => memoryCache.get(id)),
    set: s.scheduleFunction((...args: Parameters<TokenCache['set']>) => memoryCache.set(...args)),
    delete: s.scheduleFunction((...args: Parameters<TokenCache['delete']>) => memoryCache.delete(...args)),
  };
  const memoryLock = createMemoryLock();
  const lock: DistributedLock = {
    tryAcquire: s.scheduleFunction((key: string, ttl: number) => memoryLock.tryAcquire(key, ttl)),
    release: s.scheduleFunction((key: string, owner: string) => memoryLock.release(key, owner)),
  };
  const clock: Clock = { now: Date.now, sleep: () => s.schedule(Promise.resolve(), 'poll sleep') };
  const instances = [0, 1].map(() =>
    createTokenProvider({
      fetch,
      clock,
      logger: silentLogger().logger,
      cache,
      lock,
      gatewayUrl: new URL('https://emulator.test'),
    }),
  );
  return {
    instances,
    memoryCache,
    arm: () => void armedFailures++,
    disarm: () => void (armedFailures = 0),
    maxInflight: () => maxInflight,
  };
}

describe('token provider under scheduled interleavings', () => {
  it('one token request in flight at most, failures never cached, every token accepted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(opArb, { minLength: 1, maxLength: 14 }), async (s, ops) => {
        const world = scheduledWorld(s);
        const lastSeen: Array<string | undefined> = [undefined, undefined];
        const results = ops.map((op) =>
          s.schedule(Promise.resolve(op.kind), op.kind).then(async () => {
            if (op.kind === 'fail') return world.arm();
            const provider = world.instances[op.instance]!;
            if (op.kind === 'invalidate') return provider.invalidate(tenant.tenantId, lastSeen[op.instance]);
            const token = await provider.getToken(tenant);
            lastSeen[op.instance] = token.value;
            return token.value;
          }),
        );
        const settled = await s.waitFor(Promise.allSettled(results));

        expect(world.maxInflight()).toBeLessThanOrEqual(1);
        for (const result of settled) {
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(TenantAccessError);
            expect((result.reason as TenantAccessError).code).toBe('token_endpoint_error');
          } else if (typeof result.value === 'string') {
            expect(await accepted(result.value)).toBe(true);
          }
        }
        const cached = await world.memoryCache.get(tenant.tenantId);
        if (cached) expect(await accepted(cached.value)).toBe(true);
        // Nothing of a failure stuck: with the endpoint healthy again both instances get a token.
        world.disarm();
        const after = await s.waitFor(Promise.all(world.instances.map((provider) => provider.getToken(tenant))));
        for (const token of after) expect(await accepted(token.value)).toBe(true);
        expect(world.maxInflight()).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
