/**
 * The Genesys-facing state both instances share through Redis: the token cache and its lock
 * (a stampede over A and B makes one token request per tenant) and the per-tenant rate budget
 * (more requests than a tenant's limit over A and B: 0 upstream 429s, and the excess answered
 * by the portal with 429 + Retry-After, never a 5xx).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcraParameters } from '../../lib/genesys/rate-gcra';
import type { Organization } from '../../lib/genesys/schemas/organization';
import { getCluster, tenantOf } from './support/cluster-info';
import { waitFor } from './support/deadline';
import { emulatorControl } from './support/emulator-control';
import { call, isErrorShape, signInOrThrow, type CookieJar, type Instance } from './support/portal-client';
import { tokenKey, tokenLockKey, withRedis } from './support/redis-keys';
import { secretsInLogs } from './support/secret-check';

const cluster = getCluster();
const [a, b] = cluster.instances;
const control = emulatorControl(cluster.emulator.url, cluster.emulator.controlToken);
let jar: CookieJar;

type OrgAnswer = { tenantId: string; data: Organization };
type UsageAnswer = { tenantId: string; data: { limitPerMinute: number; buckets: unknown[] } };

beforeAll(async () => {
  jar = await signInOrThrow(a, cluster.users.loader);
});

const getOrg = (instance: Instance, tenantId: string) =>
  call<OrgAnswer>(instance, `/api/tenants/${tenantId}/organization`, { jar, timeoutMs: 30_000 });

describe('token stampede', () => {
  it('many concurrent requests for every tenant at A and B at once: one token request per tenant', async () => {
    // The Redis token key is the only token cache (the provider keeps only in-flight promises):
    // with it gone, no instance holds a token for any tenant.
    await withRedis(cluster.redis.url, async (redis) => {
      await redis.del(...cluster.tenants.flatMap((t) => [tokenKey(t.tenantId), tokenLockKey(t.tenantId)]));
    });
    const before = await control.stats();
    const answers = await Promise.all(
      cluster.tenants.flatMap((tenant) =>
        [a, b].flatMap((instance) =>
          Array.from({ length: 8 }, async () => ({ tenant, answer: await getOrg(instance, tenant.tenantId) })),
        ),
      ),
    );
    const after = await control.stats();

    for (const { tenant, answer } of answers) {
      expect([answer.status, answer.body?.tenantId, answer.body?.data.id]).toEqual([
        200,
        tenant.tenantId,
        tenant.orgId,
      ]);
    }
    const tokenRequests = Object.fromEntries(
      cluster.tenants.map((t) => [
        t.tenantId,
        (after.tokenRequests[t.clientId] ?? 0) - (before.tokenRequests[t.clientId] ?? 0),
      ]),
    );
    expect(tokenRequests).toEqual(Object.fromEntries(cluster.tenants.map((t) => [t.tenantId, 1])));
    expect(after.rateLimited - before.rateLimited).toBe(0);
  });
});

describe('rate budget', () => {
  const tenant = tenantOf(cluster, 'umbrella-ca');
  const LIMIT = 40;

  const limitSeenBy = (instance: Instance) =>
    call<UsageAnswer>(instance, `/api/tenants/${tenant.tenantId}/usage`, { jar }).then(
      (answer) => answer.body?.data.limitPerMinute,
    );
  const untilBothSee = (limit: number) =>
    waitFor(
      `both instances reading ${tenant.tenantId}'s limit ${limit} from the config service`,
      async () => ((await limitSeenBy(a)) === limit && (await limitSeenBy(b)) === limit ? true : undefined),
      { timeoutMs: 4 * cluster.refreshIntervalMs + 5_000 },
    );

  afterAll(async () => {
    await control.call('PUT', `/clients/${tenant.clientId}/rate-limit`, { perMinute: 300 });
    await untilBothSee(300);
  });

  it('more requests than the limit over A and B: 0 upstream 429s; the excess is a 429 with Retry-After', async () => {
    await control.call('PUT', `/clients/${tenant.clientId}/rate-limit`, { perMinute: LIMIT });
    await untilBothSee(LIMIT);
    // The emulator counts per token over a rolling minute, and the stampede above spent part of
    // this token's minute under the old limit. A limit never drops mid-minute for real; a fresh
    // token starts this test from a clean minute.
    await withRedis(cluster.redis.url, (redis) => redis.del(tokenKey(tenant.tenantId)));
    const before = await control.stats();

    // Everything at once: the governor queues what fits within its 10 s wait and answers the
    // rest at once, so this stays short however far the load exceeds the limit.
    const startedAt = Date.now();
    const answers = await Promise.all(
      [a, b].flatMap((instance) => Array.from({ length: 30 }, () => getOrg(instance, tenant.tenantId))),
    );
    const elapsedMs = Date.now() - startedAt;
    const after = await control.stats();
    const upstream = (status: string) =>
      (after.responsesByOrg[tenant.orgId]?.[status] ?? 0) - (before.responsesByOrg[tenant.orgId]?.[status] ?? 0);

    expect(answers.length).toBeGreaterThan(LIMIT);
    expect(upstream('429')).toBe(0);
    expect(upstream('200')).toBeLessThanOrEqual(LIMIT);
    const served = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(served.length + refused.length).toBe(answers.length);
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // One schedule for both instances: over any span the GCRA admits at most 1 + burst + span/T
    // (rate-gcra.ts). Two schedules of their own would admit about twice that. The span only
    // loosens the bound on a slow machine; one request of slack covers clock skew.
    const { burst, emissionIntervalMs } = gcraParameters(LIMIT);
    expect(served.length).toBeLessThanOrEqual(2 + burst + Math.floor(elapsedMs / emissionIntervalMs));
    for (const answer of served)
      expect([answer.body?.tenantId, answer.body?.data.id]).toEqual([tenant.tenantId, tenant.orgId]);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(isErrorShape(answer.body) && answer.body.error.code).toBe('rate_limited');
    }

    // One budget: both instances report the same use of it.
    const usageA = await call<UsageAnswer>(a, `/api/tenants/${tenant.tenantId}/usage`, { jar });
    const usageB = await call<UsageAnswer>(b, `/api/tenants/${tenant.tenantId}/usage`, { jar });
    // The two reads may straddle a 10 s bucket boundary: compare the buckets both windows hold.
    type Bucket = { start: number; requests: number; throttled: number };
    const bucketsA = usageA.body?.data.buckets as Bucket[];
    const bucketsB = new Map((usageB.body?.data.buckets as Bucket[]).map((bucket) => [bucket.start, bucket]));
    const shared = bucketsA.filter((bucket) => bucketsB.has(bucket.start));
    expect(shared.length).toBeGreaterThan(bucketsA.length - 2);
    for (const bucket of shared) expect(bucketsB.get(bucket.start)).toEqual(bucket);
    const counted = bucketsA.reduce((sum, x) => sum + x.requests, 0);
    expect(counted).toBeGreaterThanOrEqual(served.length);
    console.log(`rate budget: ${answers.length} requests, ${served.length} served, ${refused.length} refused`);
  });

  it('no instance log carries a secret', async () => {
    expect(await secretsInLogs(cluster)).toEqual([]);
  });
});
