// Every user of a 2 000-user org exactly once, by listing and by search, also when 429s that
// exceed the caller's budget interrupt the iteration and it is resumed.
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/lib/genesys/errors';
import { paginateEntities, paginateUserSearch } from '@/lib/genesys/paginate';
import { iterateUsers, listUsers } from '@/lib/genesys/users';
import type { UserSearchRequest } from '@/lib/genesys/schemas/user';
import { createHarness } from './support/fakes';
import { setupEmulator } from './support/emulator';

const env = setupEmulator([2000]);
const harness = () => createHarness(env.mounted.baseUrl, env.clock, { defaults: { maxWaitMs: 10_000 } });
const ACTIVE: UserSearchRequest = { pageSize: 100, query: [{ type: 'EXACT', fields: ['state'], values: ['active'] }] };

async function activeUserIds(h: ReturnType<typeof harness>): Promise<string[]> {
  const ids: string[] = [];
  for await (const user of iterateUsers(h.client, env.tenant(), { pageSize: 500 })) ids.push(user.id);
  return ids;
}

/** Drains an iterator, injecting a budget-exceeding 429 whenever `at` items have been seen. */
async function drainThrough429s<T extends { id: string }>(
  iterator: AsyncIterator<T>,
  faultAt: number[],
  fault: () => Promise<void>,
): Promise<{ ids: string[]; rateLimited: number }> {
  const ids: string[] = [];
  let rateLimited = 0;
  const pending = [...faultAt];
  for (;;) {
    if (pending[0] === ids.length) {
      pending.shift();
      await fault();
    }
    try {
      const result = await iterator.next();
      if (result.done) return { ids, rateLimited };
      ids.push(result.value.id);
    } catch (error) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBe(30_000);
      rateLimited++;
      env.clock.advance(30_000);
    }
  }
}

const expectExactlyOnce = (ids: string[], expected: string[]) => {
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
};

describe('paginateEntities over users', () => {
  it('yields every active user exactly once', async () => {
    const h = harness();
    const first = await listUsers(h.client, env.tenant(), { pageSize: 1 });
    const ids = await activeUserIds(h);
    expect(first.total).toBeGreaterThan(1_500);
    expect(ids).toHaveLength(first.total ?? -1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(h.sent.filter((s) => s.url.includes('/api/v2/users?')).length).toBe(1 + Math.ceil(ids.length / 500));
  });

  it('resumes after 429s beyond the budget without skipping or repeating a user', async () => {
    const h = harness();
    const expected = await activeUserIds(h);
    const iterator = iterateUsers(h.client, env.tenant(), { pageSize: 100 });
    // 250: mid-page (the next page load fails); 600: exactly on a page boundary; 601: right after.
    const { ids, rateLimited } = await drainThrough429s(iterator, [0, 250, 600, 601, 1_399], () =>
      env.fault({ path: '/api/v2/users', method: 'GET', status: 429, headers: { 'Retry-After': '30' } }),
    );
    expect(rateLimited).toBe(5);
    expectExactlyOnce(ids, expected);
    expect(iterator.cursor).toBeUndefined();
  });

  it('can resume in a new iterator from the cursor of a failed one', async () => {
    const h = harness();
    const expected = await activeUserIds(h);
    const first = iterateUsers(h.client, env.tenant(), { pageSize: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 350; i++) {
      const result = await first.next();
      if (!result.done) ids.push(result.value.id);
    }
    const cursor = first.cursor;
    expect(cursor).toEqual({ page: 4, offset: 50 });
    const resumed = paginateEntities(h.client, env.tenant(), 'users.list', { pageSize: 100 }, { resumeFrom: cursor });
    for await (const user of resumed) ids.push(user.id);
    expectExactlyOnce(ids, expected);
  });

  it('stops at an empty listing', async () => {
    const h = harness();
    const items = [];
    for await (const user of iterateUsers(h.client, env.tenant(), { id: ['no-such-user'] })) items.push(user);
    expect(items).toEqual([]);
  });
});

describe('paginateUserSearch', () => {
  it('yields every matching user exactly once, following nextPage through q64', async () => {
    const h = harness();
    const expected = await activeUserIds(h);
    const ids: string[] = [];
    for await (const user of paginateUserSearch(h.client, env.tenant(), ACTIVE)) ids.push(user.id);
    expectExactlyOnce(ids, expected);
    const searches = h.sent.filter((s) => s.url.includes('/api/v2/users/search'));
    expect(searches[0]?.method).toBe('POST');
    expect(searches.slice(1).every((s) => s.method === 'GET' && s.url.includes('q64='))).toBe(true);
    expect(searches).toHaveLength(Math.ceil(expected.length / 100));
  });

  it('resumes after 429s on the first POST and on q64 pages', async () => {
    const h = harness();
    const expected = await activeUserIds(h);
    const iterator = paginateUserSearch(h.client, env.tenant(), ACTIVE);
    const { ids, rateLimited } = await drainThrough429s(iterator, [0, 100, 733, 1_500], () =>
      env.fault({ path: '/api/v2/users/search', status: 429, headers: { 'Retry-After': '30' } }),
    );
    expect(rateLimited).toBe(4);
    expectExactlyOnce(ids, expected);
  });

  it('retries transparently when the Retry-After fits the budget', async () => {
    const h = harness();
    const expected = await activeUserIds(h);
    await env.fault({
      path: '/api/v2/users/search',
      method: 'GET',
      status: 429,
      headers: { 'Retry-After': '3' },
      count: 2,
    });
    const ids: string[] = [];
    for await (const user of paginateUserSearch(h.client, env.tenant(), ACTIVE)) ids.push(user.id);
    expectExactlyOnce(ids, expected);
    expect(env.clock.sleeps).toEqual([3_000, 3_000]);
  });

  it('takes only q64 from nextPage: an absolute link to another host is never followed', async () => {
    const h = harness();
    const user = { id: 'u-1', name: 'One', state: 'active' };
    const evil = 'https://evil.example/api/v2/users/search?q64=eyJwYWdlTnVtYmVyIjoyfQ%3D%3D&expand=authorization';
    await env.fault({
      path: '/api/v2/users/search',
      method: 'POST',
      status: 200,
      body: { total: 2, pageCount: 2, pageSize: 1, pageNumber: 1, nextPage: evil, results: [user] },
    });
    const iterator = paginateUserSearch(h.client, env.tenant(), ACTIVE);
    await expect(iterator.next()).resolves.toEqual({ done: false, value: user });
    await iterator.next().catch(() => undefined); // the emulator refuses the forged q64; fine
    expect(h.sent.map((s) => new URL(s.url).origin)).toEqual([env.mounted.baseUrl, env.mounted.baseUrl]);
    expect(new URL(h.sent[1]?.url ?? '').searchParams.getAll('expand')).toEqual(['authorization']);
    expect(iterator.cursor).toEqual({
      page: { q64: 'eyJwYWdlTnVtYmVyIjoyfQ==', expand: ['authorization'] },
      offset: 0,
    });
  });
});
