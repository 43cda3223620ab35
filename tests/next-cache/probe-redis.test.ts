/**
 * The start-up decision: the Redis-shared cache only for a Redis that answers and publishes the
 * key events the handler needs; otherwise the in-process cache, with the reason in the warning.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { keyspaceEventsSuitCache, probeRedisForCache } from '@/next-cache/probe-redis.mjs';
import { selectCacheHandler } from '@/next-cache/select-cache-handler.mjs';
import { freePort, startPrivateRedis, type PrivateRedis } from '@/tests/support/private-redis';

let silent: PrivateRedis;
beforeAll(async () => {
  silent = await startPrivateRedis({ keyspaceEvents: '' });
});
afterAll(() => silent.stop());

describe('probeRedisForCache', () => {
  it('accepts a Redis with notify-keyspace-events Exe', async () => {
    expect(await probeRedisForCache(inject('redisUrl'))).toEqual({ ok: true });
  });

  it('refuses a Redis without key events and says how to fix it', async () => {
    const probe = await probeRedisForCache(silent.url);
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.reason).toMatch(/notify-keyspace-events.*Exe/);
    expect(await probeRedisForCache(silent.url, { skipKeyspaceCheck: true })).toEqual({ ok: true });
  });

  it('refuses an unreachable Redis without naming its password', async () => {
    const port = await freePort();
    const probe = await probeRedisForCache(`redis://:hunter2-secret@127.0.0.1:${port}`, { timeoutMs: 500 });
    expect(probe.ok).toBe(false);
    expect(JSON.stringify(probe)).not.toContain('hunter2-secret');
  });

  it('reads the key-event flags the way the handler needs them', () => {
    expect(keyspaceEventsSuitCache('Exe')).toBe(true);
    expect(keyspaceEventsSuitCache('AKE')).toBe(true);
    expect(keyspaceEventsSuitCache('Ex')).toBe(false);
    expect(keyspaceEventsSuitCache('xe')).toBe(false);
    expect(keyspaceEventsSuitCache('')).toBe(false);
  });
});

describe('selectCacheHandler', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);

  it('never touches Redis while building', async () => {
    expect(await selectCacheHandler('phase-production-build', { REDIS_URL: 'redis://127.0.0.1:1' })).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('uses the shared handler for a suitable Redis', async () => {
    const path = await selectCacheHandler('phase-production-server', { REDIS_URL: inject('redisUrl') });
    expect(path).toMatch(/next-cache[/\\]redis-cache-handler\.mjs$/);
  });

  it('falls back to the in-process cache with a warning that gives the reason', async () => {
    warn.mockClear();
    expect(await selectCacheHandler('phase-production-server', { REDIS_URL: silent.url })).toBeUndefined();
    expect(warn.mock.calls.join(' ')).toMatch(/in-process, NOT shared.*notify-keyspace-events/);
    warn.mockClear();
    expect(await selectCacheHandler('phase-production-server', {})).toBeUndefined();
    expect(warn.mock.calls.join(' ')).toMatch(/REDIS_URL not set/);
  });
});
