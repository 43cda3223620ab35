// The users-search paging shared by the export and the snapshots, against the emulator (fake
// clock: Retry-After waits cost no time). The export's own tests (users-export/user-rows) cover
// shifts, closing and aborts through the same function.
import { describe, expect, it } from 'vitest';
import type { UserSearchResponse } from '@/lib/genesys/schemas/user';
import { listDivisions } from '@/lib/users/list-divisions';
import { openUserSearch, type UserSearch } from '@/lib/users/user-search';
import { createHarness } from '../genesys/support/fakes';
import { setupEmulator } from '../genesys/support/emulator';

const env = setupEmulator([450, 30]);
const harness = () => createHarness(env.mounted.baseUrl, env.clock);
const sleep = (ms: number, signal?: AbortSignal) => env.clock.sleep(ms, signal);

async function drain(search: UserSearch): Promise<string[]> {
  const ids: string[] = [];
  for (let user = await search.next(); user; user = await search.next()) ids.push(user.id);
  return ids;
}

describe('openUserSearch', () => {
  it('pages sorted by id with the expansions asked for, reporting each page, every user once', async () => {
    const h = harness();
    const pages: UserSearchResponse[] = [];
    const search = await openUserSearch(
      h.client,
      env.tenant(),
      {},
      {
        signal: new AbortController().signal,
        sleep,
        expand: ['authorization'],
        onPage: (page) => pages.push(page),
      },
    );
    const ids = await drain(search);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(search.total);
    expect(pages).toHaveLength(Math.ceil(search.total / 100));
    expect(pages.flatMap((page) => page.results.map((user) => user.id))).toEqual(ids);
    const post = h.sent.find((r) => r.method === 'POST' && r.url.endsWith('/users/search'));
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ sortBy: 'id', sortOrder: 'ASC', expand: ['authorization'] });
  });

  it('asks a page refused with 429 again (beyond one request’s budget) without a gap or a repeat', async () => {
    const reference = await drain(
      await openUserSearch(harness().client, env.tenant(), {}, { signal: new AbortController().signal, sleep }),
    );
    const h = harness();
    const search = await openUserSearch(h.client, env.tenant(), {}, { signal: new AbortController().signal, sleep });
    await env.fault({
      path: '/api/v2/users/search',
      method: 'GET',
      status: 429,
      headers: { 'Retry-After': '90' },
      count: 2,
    });
    expect(await drain(search)).toEqual(reference);
    expect(search.stats.retries).toBeGreaterThanOrEqual(1);
    expect(env.clock.sleeps).toContain(90_000);
  });

  it('an aborted signal stops it: nothing more is handed out or asked upstream', async () => {
    const h = harness();
    const controller = new AbortController();
    const search = await openUserSearch(h.client, env.tenant(), {}, { signal: controller.signal, sleep });
    await search.next();
    const sent = h.sent.length;
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(search.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.sent.length).toBe(sent);
  });
});

describe('listDivisions', () => {
  it('lists the divisions by name, asking a throttled page again when given the retry rule', async () => {
    const h = harness();
    const plain = await listDivisions(h.client, env.tenant(), {});
    expect(plain.map((d) => d.name)).toEqual(plain.map((d) => d.name).toSorted((a, b) => a.localeCompare(b, 'en')));
    expect(plain.length).toBeGreaterThan(0);
    await env.fault({
      path: '/api/v2/authorization/divisions',
      status: 429,
      headers: { 'Retry-After': '90' },
      count: 1,
    });
    const signal = new AbortController().signal;
    const retried = await listDivisions(h.client, env.tenant(), { signal, maxWaitMs: 60_000 }, { signal, sleep });
    expect(retried).toEqual(plain);
  });
});
