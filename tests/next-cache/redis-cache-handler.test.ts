/**
 * Two handlers on one Redis stand for two portal instances: what one caches the other reads,
 * a tenant's revalidation on one expires that tenant's entry on the other (and no other
 * tenant's), and while Redis is away every call returns at once; a revalidation made during the
 * outage is applied when Redis is back, so no instance serves the pre-edit value afterwards.
 * Every call goes through a new wrapper object, as Next builds one per request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisHandler, SharedRedisCacheHandler } from '@/next-cache/redis-cache-handler.mjs';
import { startPrivateRedis, type PrivateRedis } from '@/tests/support/private-redis';

type Handler = InstanceType<typeof SharedRedisCacheHandler>;

const ORG_TAGS = (tenantId: string) => [`tenant:${tenantId}`, `tenant:${tenantId}:organization`];
const entry = (name: string) => ({
  kind: 'FETCH' as const,
  data: { headers: {}, body: JSON.stringify({ name }), status: 200, url: '' },
  revalidate: 300,
});
const ctxFor = (tenantId: string) => ({ kind: 'FETCH', tags: ORG_TAGS(tenantId), softTags: [] });

let redis: PrivateRedis;
/** The handler's redis client: the wrapper's own readiness signal (private in the typings). */
type Connection = { isReady: boolean; disconnect(): Promise<void> };
const connections = new Map<Handler, Connection>();
const connectionOf = (handler: Handler) => connections.get(handler)!;

function instance(): Handler {
  const handler = createRedisHandler(redis.url, 'test-next-cache:');
  // Next builds a new handler object for every request: so does this instance, on every call.
  const perRequest = () => new SharedRedisCacheHandler(undefined, handler as never);
  const instanceFacade = {
    get: (...args: Parameters<Handler['get']>) => perRequest().get(...args),
    set: (...args: Parameters<Handler['set']>) => perRequest().set(...args),
    revalidateTag: (...args: Parameters<Handler['revalidateTag']>) => perRequest().revalidateTag(...args),
  } as unknown as Handler;
  connections.set(instanceFacade, (handler as unknown as { client: Connection }).client);
  return instanceFacade;
}

async function nameIn(handler: Handler, key: string, tenantId: string): Promise<string | null> {
  const found = (await handler.get(key, ctxFor(tenantId) as never)) as { value?: { data?: { body?: string } } } | null;
  const body = found?.value?.data?.body;
  return body ? (JSON.parse(body) as { name: string }).name : null;
}

/** Pub/Sub between instances takes a moment: poll, bounded. */
async function eventually<T>(read: () => Promise<T>, expected: T, deadlineMs = 5_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  let last = await read();
  while (last !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

async function ready(handler: Handler): Promise<void> {
  await eventually(() => Promise.resolve(connectionOf(handler).isReady), true);
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  // Let the library's own deferred cleanups (setTimeout 0 publishes) run before disconnecting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const connection of connections.values()) await connection.disconnect().catch(() => undefined);
  await redis.stop();
});

describe('the Redis-shared Next cache across two instances', () => {
  it('shares entries, and revalidates one tenant everywhere without touching another', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([ready(a), ready(b)]);
    await a.set('org-acme', entry('Acme Corp'), { tags: ORG_TAGS('acme-prod') } as never);
    await a.set('org-globex', entry('Globex Europe'), { tags: ORG_TAGS('globex-eu') } as never);
    expect(await eventually(() => nameIn(b, 'org-acme', 'acme-prod'), 'Acme Corp')).toBe('Acme Corp');
    expect(await nameIn(b, 'org-globex', 'globex-eu')).toBe('Globex Europe');

    await a.revalidateTag('tenant:acme-prod:organization', { expire: 0 });
    expect(await eventually(() => nameIn(b, 'org-acme', 'acme-prod'), null)).toBeNull();
    expect(await nameIn(b, 'org-globex', 'globex-eu')).toBe('Globex Europe');
    expect(await nameIn(a, 'org-globex', 'globex-eu')).toBe('Globex Europe');
  });

  it('answers at once while Redis is away and replays the revalidation when it is back', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([ready(a), ready(b)]);
    await a.set('org-stark', entry('Stark UK'), { tags: ORG_TAGS('stark-uk') } as never);
    await a.set('org-initech', entry('Initech APAC'), { tags: ORG_TAGS('initech-apac') } as never);
    expect(await eventually(() => nameIn(b, 'org-stark', 'stark-uk'), 'Stark UK')).toBe('Stark UK');

    await redis.kill();
    await eventually(() => Promise.resolve(connectionOf(a).isReady), false);
    // Each of these would wait on a queued command without the wrapper; the test's own timeout bounds them.
    expect(await nameIn(a, 'org-stark', 'stark-uk')).toBeNull();
    await a.set('org-umbrella', entry('Umbrella Canada'), { tags: ORG_TAGS('umbrella-ca') } as never);
    await a.revalidateTag('tenant:stark-uk:organization', { expire: 0 });

    await redis.restart();
    await Promise.all([ready(a), ready(b)]);
    // B reads from Redis again (the untouched tenant's entry survived the restart: AOF) ...
    expect(await eventually(() => nameIn(b, 'org-initech', 'initech-apac'), 'Initech APAC', 15_000)).toBe(
      'Initech APAC',
    );
    // ... and A replayed the revalidation it kept: B no longer serves the pre-edit value.
    expect(await eventually(() => nameIn(b, 'org-stark', 'stark-uk'), null, 5_000)).toBeNull();
    expect(await nameIn(b, 'org-initech', 'initech-apac')).toBe('Initech APAC');
  }, 40_000);
});
