import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSessionVersions, sessionVersionKey, type SessionVersions } from '@/lib/auth/session-versions';
import { createRedisClient } from '@/lib/upstream/redis-client';

const redis: Redis = createRedisClient(inject('redisUrl'));
afterAll(() => redis.quit());

function behaviour(name: string, make: () => SessionVersions) {
  it(`${name}: bump moves one user's version forward and no one else's`, async () => {
    const versions = make();
    const [alice, bob] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
    const start = await versions.current(alice);
    expect(await versions.current(bob)).toBe(start);
    expect(await versions.bump(alice)).toBe(start + 1);
    expect(await versions.bump(alice)).toBe(start + 2);
    expect(await versions.current(alice)).toBe(start + 2);
    expect(await versions.current(bob)).toBe(start);
  });
}

describe('session versions', () => {
  behaviour('memory', () => createSessionVersions());
  behaviour('redis', () => createSessionVersions({ redis }));

  it('redis: starts at 0, INCR on portal:user:{id}:session-version, seen by every instance, no expiry', async () => {
    const id = `u-${randomUUID()}`;
    const [a, b] = [createSessionVersions({ redis }), createSessionVersions({ redis })];
    expect(await a.current(id)).toBe(0);
    await a.bump(id);
    expect(await b.current(id)).toBe(1);
    expect(await redis.get(`portal:user:${id}:session-version`)).toBe('1');
    expect(sessionVersionKey(id)).toBe(`portal:user:${id}:session-version`);
    expect(await redis.ttl(sessionVersionKey(id))).toBe(-1);
  });

  it('memory: a new process starts from a new base, so cookies revoked before a restart stay dead', async () => {
    const before = createSessionVersions({ memoryBase: 1_000 });
    const revoked = await before.current('u-1');
    await before.bump('u-1');
    const after = createSessionVersions({ memoryBase: 5_000 });
    expect(await after.current('u-1')).not.toBe(revoked);
    expect(await createSessionVersions().current('u-1')).toBeGreaterThan(1_600_000_000_000);
  });
});
