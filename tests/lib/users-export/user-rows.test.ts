// The export's rows source against the emulator (fake clock: Retry-After waits cost no time):
// every user exactly once, also through 429 storms and upstream shifts, and nothing more is
// asked upstream once it is closed or its signal aborts.
import { describe, expect, it } from 'vitest';
import type { GenesysClient } from '@/lib/genesys/client';
import { RateLimitedError } from '@/lib/genesys/errors';
import { paginateUserSearch } from '@/lib/genesys/paginate';
import type { User, UserSearchResponse } from '@/lib/genesys/schemas/user';
import type { UserCsvRecord } from '@/lib/users-export/csv';
import { exportSearchRequest, openUserRows, type UserRows, type UserRowsOptions } from '@/lib/users-export/user-rows';
import { createHarness } from '../genesys/support/fakes';
import { setupEmulator } from '../genesys/support/emulator';

const env = setupEmulator([1_234, 30]);
const harness = () => createHarness(env.mounted.baseUrl, env.clock);

function open(client: GenesysClient, options: Partial<UserRowsOptions> = {}) {
  return openUserRows({
    client,
    tenant: env.tenant(),
    filter: {},
    signal: new AbortController().signal,
    sleep: (ms, signal) => env.clock.sleep(ms, signal),
    ...options,
  });
}

async function drain(rows: UserRows): Promise<UserCsvRecord[]> {
  const all: UserCsvRecord[] = [];
  for (let batch = await rows.next(); batch; batch = await rows.next()) all.push(...batch);
  return all;
}

/** The org's users as the emulator has them (listing, no search), deleted ones left out. */
async function expectedIds(client: GenesysClient): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const listing = await client.request(env.tenant(), 'users.list', {
      query: { pageSize: 500, pageNumber: page, state: 'any' },
    });
    ids.push(...listing.entities.filter((u) => u.state !== 'deleted').map((u) => u.id));
    if (page >= (listing.pageCount ?? 0)) return ids.sort();
  }
}

const searchCalls = (h: ReturnType<typeof harness>) => h.sent.filter((r) => r.url.includes('/users/search')).length;

describe('openUserRows', () => {
  it('reads every active and inactive user exactly once, a page at a time, sorted by id', async () => {
    const h = harness();
    const rows = await open(h.client);
    expect(searchCalls(h)).toBe(1); // the first page only, until rows are asked for
    const first = await rows.next();
    expect(first).toHaveLength(100);
    expect(searchCalls(h)).toBe(1); // still the first page: no read-ahead
    const all = [...(first ?? []), ...(await drain(rows))];
    const ids = all.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(rows.total);
    expect([...ids].sort()).toEqual(await expectedIds(h.client));
    expect(searchCalls(h)).toBe(Math.ceil(rows.total / 100));
    expect(rows.stats).toMatchObject({ rows: rows.total, retries: 0, duplicatesDropped: 0 });
    const post = h.sent.find((r) => r.method === 'POST' && r.url.endsWith('/users/search'));
    const body = JSON.parse(post?.body ?? '{}') as unknown;
    expect(body).toMatchObject({
      pageSize: 100,
      sortBy: 'id',
      sortOrder: 'ASC',
      expand: ['authorization', 'dateLastLogin'],
    });
  });

  it('applies the filter: a state of deleted exports only deleted users', async () => {
    const h = harness();
    const rows = await open(h.client, { filter: { state: 'deleted' } });
    const all = await drain(rows);
    expect(all.length).toBe(rows.total);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((r) => r.state))).toEqual(new Set(['deleted']));
  });

  it('rides out 429 storms on the first POST and on q64 pages without a duplicate or a gap', async () => {
    const h = harness();
    const reference = (await drain(await open(harness().client))).map((r) => r.id);
    // 6 in a row: more than the client's 4 attempts per request, so whole pages fail and are asked again;
    // Retry-After 90 s: more than a request may sleep (60 s), so the client gives up at once (RateLimitedError).
    await env.fault({ path: '/api/v2/users/search', status: 429, headers: { 'Retry-After': '5' }, count: 6 });
    const rows = await open(h.client);
    const ids = (await rows.next())!.map((r) => r.id);
    await env.fault({ path: '/api/v2/users/search', status: 429, headers: { 'Retry-After': '90' }, count: 2 });
    ids.push(...(await rows.next())!.map((r) => r.id));
    await env.fault({
      path: '/api/v2/users/search',
      method: 'GET',
      status: 429,
      headers: { 'Retry-After': '1' },
      count: 9,
    });
    ids.push(...(await drain(rows)).map((r) => r.id));
    expect(ids).toEqual(reference);
    expect(rows.stats.retries).toBeGreaterThanOrEqual(3);
    expect(env.mounted.emulator.stats().responsesByStatus['429']).toBe(17);
    expect(env.clock.sleeps).toContain(90_000);
  });

  it('gives up on a page only when waiting would exceed 180 s, with the upstream error', async () => {
    const h = harness();
    await env.fault({ path: '/api/v2/users/search', status: 429, headers: { 'Retry-After': '100' }, count: 50 });
    await expect(open(h.client)).rejects.toBeInstanceOf(RateLimitedError);
    expect(searchCalls(h)).toBeLessThan(10);
  });

  it('drops a user seen again at the top of the next page after an upstream shift', async () => {
    const h = harness();
    const reference = (await drain(await open(harness().client))).map((r) => r.id);
    // A user added before the cursor shifts everyone by one: page 2 then starts with page 1's last.
    const shifting: GenesysClient = {
      request: (async (tenant: never, operation: never, ...rest: never[]) => {
        const result = (await (h.client.request as (...a: unknown[]) => Promise<unknown>)(
          tenant,
          operation,
          ...rest,
        )) as UserSearchResponse;
        if (operation === 'users.searchNext' && result.pageNumber === 2) {
          const lastOfFirst = reference[99]!;
          return { ...result, results: [{ ...result.results[0]!, id: lastOfFirst }, ...result.results] };
        }
        return result;
      }) as GenesysClient['request'],
    };
    const rows = await open(shifting);
    const ids = (await drain(rows)).map((r) => r.id);
    expect(ids).toEqual(reference);
    expect(rows.stats.duplicatesDropped).toBe(1);
  });

  it('names managers found in the same page, and lists divisions once when references come unnamed', async () => {
    const h = harness();
    const unnamed: GenesysClient = {
      request: (async (...args: unknown[]) => {
        const result = await (h.client.request as (...a: unknown[]) => Promise<unknown>)(...args);
        if (args[1] !== 'users.search' && args[1] !== 'users.searchNext') return result;
        const page = result as UserSearchResponse;
        return { ...page, results: page.results.map((u) => ({ ...u, division: u.division && { id: u.division.id } })) };
      }) as GenesysClient['request'],
    };
    const rows = await open(unnamed);
    const all = await drain(rows);
    const divisionCalls = h.sent.filter((r) => r.url.includes('/authorization/divisions')).length;
    expect(divisionCalls).toBe(1);
    const named = await drain(await open(harness().client));
    expect(all.map((r) => r.division)).toEqual(named.map((r) => r.division));
    expect(all.every((r) => r.division !== '' && !/^[0-9a-f-]{36}$/.test(r.division))).toBe(true);
    // Managers: the name when the manager is in the same page of 100, the id otherwise.
    const raw: User[] = [];
    for await (const u of paginateUserSearch(h.client, env.tenant(), exportSearchRequest({}))) raw.push(u);
    expect(raw.map((u) => u.id)).toEqual(all.map((r) => r.id));
    let resolved = 0;
    raw.forEach((u, index) => {
      const page = raw.slice(index - (index % 100), index - (index % 100) + 100);
      const manager = u.manager ? page.find((candidate) => candidate.id === u.manager?.id) : undefined;
      if (manager) resolved++;
      expect(all[index]!.manager).toBe(manager ? manager.name : (u.manager?.id ?? ''));
    });
    expect(resolved).toBeGreaterThan(0);
  });

  it('asks nothing more upstream once closed', async () => {
    const h = harness();
    const rows = await open(h.client);
    await rows.next();
    await rows.next();
    const calls = searchCalls(h);
    rows.close();
    expect(await rows.next()).toBeUndefined();
    expect(searchCalls(h)).toBe(calls);
  });

  it('on abort, hands the abort to the request in flight and asks nothing more', async () => {
    const h = harness();
    const started: string[] = [];
    // Pages after the first hang until their signal aborts, like a slow upstream.
    const slow: GenesysClient = {
      request: (async (tenant: never, operation: string, options: { signal?: AbortSignal }) => {
        started.push(operation);
        if (operation === 'users.searchNext') {
          await new Promise((_resolve, reject) => {
            options.signal?.addEventListener('abort', () => reject(options.signal?.reason as Error));
          });
        }
        return (h.client.request as (...a: unknown[]) => Promise<unknown>)(tenant, operation, options);
      }) as GenesysClient['request'],
    };
    const controller = new AbortController();
    const rows = await open(slow, { signal: controller.signal });
    expect(await rows.next()).toHaveLength(100);
    const pending = rows.next(); // page 2: in flight, hanging
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['users.search', 'users.searchNext']);
    controller.abort(new DOMException('client went away', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(rows.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toHaveLength(2);
    expect(searchCalls(h)).toBe(1); // page 2 never reached the emulator
  });
});
