import { describe, expect, it } from 'vitest';
import { createTtlCache } from '@/lib/overview/ttl-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(ttl: (value: string) => number = () => 1000, maxEntries?: number) {
  let now = 0;
  const cache = createTtlCache<string>({ now: () => now, ttlMs: ttl, maxEntries });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('createTtlCache', () => {
  it('shares one load between concurrent callers and serves it until the TTL passes', async () => {
    const { cache, advance } = setup();
    let loads = 0;
    const gate = deferred<string>();
    const load = () => {
      loads += 1;
      return gate.promise;
    };
    const a = cache.get('tenant:a', load);
    const b = cache.get('tenant:a', load);
    gate.resolve('report');
    expect(await a).toBe('report');
    expect(await b).toBe('report');
    expect(loads).toBe(1);

    advance(999);
    expect(await cache.get('tenant:a', () => Promise.resolve('new'))).toBe('report');
    advance(1);
    expect(await cache.get('tenant:a', () => Promise.resolve('new'))).toBe('new');
  });

  it('keeps keys apart', async () => {
    const { cache } = setup();
    await cache.get('tenant:a', () => Promise.resolve('A'));
    expect(await cache.get('tenant:b', () => Promise.resolve('B'))).toBe('B');
    expect(await cache.get('tenant:a', () => Promise.resolve('x'))).toBe('A');
  });

  it('does not keep a failed load: the next caller loads again', async () => {
    const { cache } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('a caller giving up does not cancel the shared load for the others', async () => {
    const { cache } = setup();
    const gate = deferred<string>();
    const controller = new AbortController();
    const leaving = cache.get('k', () => gate.promise, controller.signal);
    const staying = cache.get('k', () => Promise.resolve('second load'));
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve('shared');
    expect(await staying).toBe('shared');
    expect(await cache.get('k', () => Promise.resolve('x'))).toBe('shared');
  });

  it('takes the TTL from the value, and drops the oldest entries beyond maxEntries', async () => {
    const { cache, advance } = setup((value) => (value.startsWith('partial') ? 10 : 1000), 2);
    await cache.get('p', () => Promise.resolve('partial'));
    advance(10);
    expect(await cache.get('p', () => Promise.resolve('complete'))).toBe('complete');

    await cache.get('q', () => Promise.resolve('q1'));
    await cache.get('r', () => Promise.resolve('r1')); // p is the oldest: evicted
    expect(await cache.get('p', () => Promise.resolve('reloaded'))).toBe('reloaded');
    expect(await cache.get('r', () => Promise.resolve('x'))).toBe('r1');
  });
});
