/**
 * GET /api/tenants/[tenantId]/users/view through the handler harness, against the emulator with
 * a 20 000-user tenant (acme-prod). Every page is compared with an independent computation over
 * all of the tenant's users, read straight from the emulator (GET /users?state=any, 40 pages of
 * 500, with a token of its own), filtered and sorted here as users search documents it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, credentialOf, getToken } from '@/tests/emulator/support/direct';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '@/tests/support/handler-harness';
import type { UserRow, UserViewResponse } from '@/lib/users/user-row';
import { SORTABLE_COLUMNS, type SortableColumn } from '@/lib/users/user-view';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const BIG = 'acme-prod';
const BASE = 'http://portal.test';

interface EmulatorUser {
  id: string;
  name: string;
  email: string;
  username: string;
  title: string;
  department: string;
  state: string;
  division: { id: string; name: string };
  manager?: { id: string };
  dateLastLogin?: string;
  authorization?: { roles: { name: string }[] };
}

let harness: PortalHarness;
let GET: RouteHandler;
let everyone: EmulatorUser[];

async function readAllUsers(tenantId: string): Promise<EmulatorUser[]> {
  const { emulator } = harness.mounted;
  const token = await getToken(emulator, credentialOf(emulator, tenantId));
  const users: EmulatorUser[] = [];
  for (let page = 1; ; page++) {
    const path = `/api/v2/users?state=any&pageSize=500&pageNumber=${page}&expand=authorization,dateLastLogin`;
    const { status, json } = await call(emulator, token, path);
    if (status !== 200) throw new Error(`direct read ${status}`);
    const entities = json.entities as EmulatorUser[];
    if (entities.length === 0) return users;
    users.push(...entities);
  }
}

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [20_000, 25, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
  ({ GET } = await import('@/app/api/tenants/[tenantId]/users/view/route'));
  everyone = await readAllUsers(BIG);
}, 60_000);
afterAll(() => harness.close());

async function view(query: string, { tenantId = BIG, uid = 'demo-admin' } = {}) {
  const request = new Request(`${BASE}/api/tenants/${tenantId}/users/view?${query}`, {
    headers: { cookie: await harness.cookiesFor(uid) },
  });
  const { response, upstream } = await harness.invoke(GET, request, { tenantId });
  const apiCalls = upstream.filter((u) => u.url.includes('/api/v2/') && !u.url.endsWith('/tokens/me'));
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, apiCalls };
}

async function page(query: string) {
  const { status, body, apiCalls } = await view(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return { ...(body as unknown as UserViewResponse), apiCalls };
}

// --- The independent computation (users search semantics, genesys-api.md §7) ---------------------

interface Filter {
  q?: string;
  state?: string;
  division?: string;
}

const matching = ({ q, state, division }: Filter) =>
  everyone.filter(
    (user) =>
      (state ? user.state === state : user.state !== 'deleted') &&
      (!q || [user.name, user.email, user.username].some((field) => field.toLowerCase().includes(q.toLowerCase()))) &&
      (!division || user.division.id === division),
  );

const byName = (a: EmulatorUser, b: EmulatorUser) => {
  const [left, right] = [a.name.toLowerCase(), b.name.toLowerCase()];
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Sorted on the key, case-insensitively; equal keys in name order (the emulator's tie-break). */
function sorted(users: EmulatorUser[], key: SortableColumn, dir: 'asc' | 'desc') {
  const sign = dir === 'desc' ? -1 : 1;
  return [...users].sort((a, b) => {
    const [left, right] = [a[key].toLowerCase(), b[key].toLowerCase()];
    if (left !== right) return (left < right ? -1 : 1) * sign;
    return byName(a, b);
  });
}

function expectedPage(filter: Filter, sort: SortableColumn, dir: 'asc' | 'desc', pageNumber: number, size: number) {
  const all = sorted(matching(filter), sort, dir);
  return { total: all.length, ids: all.slice((pageNumber - 1) * size, pageNumber * size).map((u) => u.id) };
}

const ids = (rows: UserRow[]) => rows.map((row) => row.id);

// ---------------------------------------------------------------------------------------------

describe('GET /api/tenants/[tenantId]/users/view (20 000-user tenant)', () => {
  it('reads the whole tenant independently (the baseline every case is compared with)', () => {
    expect(everyone).toHaveLength(20_000);
    expect(new Set(everyone.map((u) => u.id)).size).toBe(20_000);
    expect(new Set(everyone.map((u) => u.state))).toEqual(new Set(['active', 'inactive', 'deleted']));
  });

  it('defaults: first 25 active and inactive users by name, the total and page count of the whole list', async () => {
    const { tenantId, data, apiCalls } = await page('');
    const expected = expectedPage({}, 'name', 'asc', 1, 25);
    expect(tenantId).toBe(BIG);
    expect(data).toMatchObject({
      total: expected.total,
      page: 1,
      pageSize: 25,
      pageCount: Math.ceil(expected.total / 25),
    });
    expect(ids(data.rows)).toEqual(expected.ids);
    // One search, at most one manager lookup: never a request per row.
    expect(apiCalls.filter((c) => c.url.endsWith('/users/search'))).toHaveLength(1);
    expect(apiCalls.length).toBeLessThanOrEqual(2);
    expect(new Set(apiCalls.map((c) => c.organization))).toEqual(
      new Set([credentialOf(harness.mounted.emulator, BIG).orgId]),
    );
  });

  it.each([
    [1, 100],
    [2, 100],
    [97, 50],
    [400, 25],
  ])('page %i of size %i is the same slice of the sorted list', async (pageNumber, size) => {
    const { data } = await page(`page=${pageNumber}&pageSize=${size}`);
    const expected = expectedPage({}, 'name', 'asc', pageNumber, size);
    expect(data.rows).toHaveLength(expected.ids.length);
    expect(ids(data.rows)).toEqual(expected.ids);
  });

  it('the last page is partial and a page past the end is empty, with the same total', async () => {
    const { total } = expectedPage({}, 'name', 'asc', 1, 100);
    const last = Math.ceil(total / 100);
    const { data } = await page(`page=${last}&pageSize=100`);
    expect(data.pageCount).toBe(last);
    expect(ids(data.rows)).toEqual(expectedPage({}, 'name', 'asc', last, 100).ids);
    expect(data.rows.length).toBe(total - (last - 1) * 100);
    const beyond = await page(`page=${last + 1}&pageSize=100`);
    expect(beyond.data).toMatchObject({ total, rows: [] });
  });

  const directions = ['asc', 'desc'] as const;
  it.each(SORTABLE_COLUMNS.flatMap((column) => directions.map((dir) => [column, dir] as const)))(
    'sorts by %s %s (first and a middle page)',
    async (sort, dir) => {
      for (const pageNumber of [1, 60]) {
        const { data } = await page(`sort=${sort}&dir=${dir}&pageSize=100&page=${pageNumber}`);
        expect(ids(data.rows)).toEqual(expectedPage({}, sort, dir, pageNumber, 100).ids);
      }
    },
  );

  it.each(['active', 'inactive', 'deleted'])('filters state=%s', async (state) => {
    const { data } = await page(`state=${state}&pageSize=100`);
    const expected = expectedPage({ state }, 'name', 'asc', 1, 100);
    expect(expected.total).toBeGreaterThan(100);
    expect(data.total).toBe(expected.total);
    expect(ids(data.rows)).toEqual(expected.ids);
    expect(data.rows.every((row) => row.state === state)).toBe(true);
  });

  it('filters by division (and the states still default to active and inactive)', async () => {
    const counts = new Map<string, number>();
    for (const user of everyone) counts.set(user.division.id, (counts.get(user.division.id) ?? 0) + 1);
    // The smallest division: a filter that selects a minority, not the home division.
    const division = [...counts].sort((a, b) => a[1] - b[1])[0]![0];
    const { data } = await page(`division=${division}&pageSize=100&page=2`);
    const expected = expectedPage({ division }, 'name', 'asc', 2, 100);
    expect(expected.total).toBeLessThan(10_000);
    expect(data.total).toBe(expected.total);
    expect(ids(data.rows)).toEqual(expected.ids);
  });

  it('searches name, email and username: a name part, an e-mail part only its address has, any letters', async () => {
    const sample = everyone.find((u) => /\d@/.test(u.email) && u.state !== 'deleted')!;
    const emailPart = sample.email.split('@')[0]!.split('.')[1]!; // e.g. "smith12": in the address, not the name
    const namePart = sample.name.split(' ')[1]!.slice(0, 4).toUpperCase(); // case-insensitive
    for (const q of [namePart, emailPart, 'an']) {
      const { data } = await page(`q=${encodeURIComponent(q)}&pageSize=50`);
      const expected = expectedPage({ q }, 'name', 'asc', 1, 50);
      expect(expected.total, q).toBeGreaterThan(0);
      expect(data.total, q).toBe(expected.total);
      expect(ids(data.rows), q).toEqual(expected.ids);
    }
    expect(matching({ q: emailPart }).some((u) => !u.name.toLowerCase().includes(emailPart))).toBe(true);
  });

  it('combines search, state, division, sort and paging', async () => {
    const division = everyone.find((u) => u.state === 'inactive')!.division.id;
    const filter = { q: 'a', state: 'inactive', division };
    const query = `q=a&state=inactive&division=${division}&sort=department&dir=desc&page=2&pageSize=25`;
    const { data } = await page(query);
    const expected = expectedPage(filter, 'department', 'desc', 2, 25);
    expect(expected.ids.length).toBeGreaterThan(0);
    expect(data.total).toBe(expected.total);
    expect(ids(data.rows)).toEqual(expected.ids);
  });

  it('rows carry the user as the emulator has it: division name, role names, last login, named manager', async () => {
    const { data, apiCalls } = await page('pageSize=100&page=3');
    const byId = new Map(everyone.map((u) => [u.id, u]));
    for (const row of data.rows) {
      const user = byId.get(row.id)!;
      expect(row).toEqual({
        id: user.id,
        name: user.name,
        email: user.email,
        username: user.username,
        title: user.title,
        department: user.department,
        divisionId: user.division.id,
        divisionName: user.division.name,
        state: user.state,
        roles: user.authorization!.roles.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'en')),
        dateLastLogin: user.dateLastLogin ?? null,
        managerId: user.manager?.id ?? null,
        managerName: user.manager ? byId.get(user.manager.id)!.name : null,
      });
    }
    expect(data.rows.some((row) => row.managerName !== null)).toBe(true);
    // The managers not on the page were named by one batched lookup.
    const lookups = apiCalls.filter((c) => c.method === 'GET' && /\/api\/v2\/users\?/.test(c.url));
    expect(lookups).toHaveLength(1);
    expect(new URL(lookups[0]!.url).searchParams.getAll('id').length).toBeLessThanOrEqual(100);
  });

  it('skips the manager lookup when the manager column is hidden', async () => {
    const { data, apiCalls } = await page('pageSize=100&columns=name,email');
    expect(apiCalls).toHaveLength(1);
    expect(data.rows.filter((row) => row.managerId !== null).every((row) => row.managerName === null)).toBe(true);
  });

  it.each([
    ['pageSize=30', 'pageSize'],
    ['sort=dateLastLogin', 'sort'],
    ['state=gone', 'state'],
    ['division=x', 'division'],
    ['columns=password', 'columns.0'],
    ['tenantId=globex-eu', ''],
  ])('answers 422 for %s, naming the field, before any upstream call', async (query, field) => {
    const { status, body, apiCalls } = await view(query);
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: field }] } });
    expect(apiCalls).toEqual([]);
  });

  it('refuses a tenant the user is not granted (403), without reading it', async () => {
    const { status, body, apiCalls } = await view('', { uid: 'demo-auditor' });
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'tenant_not_granted' } });
    expect(apiCalls).toEqual([]);
  });

  it('answers the auditor for a granted tenant, that tenant only', async () => {
    const { status, body } = await view('pageSize=100', { tenantId: 'acme-sandbox', uid: 'demo-auditor' });
    expect(status).toBe(200);
    const { tenantId, data } = body as unknown as UserViewResponse;
    expect(tenantId).toBe('acme-sandbox');
    const sandbox = await (async () => {
      const { emulator } = harness.mounted;
      const token = await getToken(emulator, credentialOf(emulator, 'acme-sandbox'));
      const { json } = await call(emulator, token, '/api/v2/users?pageSize=100');
      return json as { total: number; entities: { id: string }[] };
    })();
    const bigIds = new Set(everyone.map((u) => u.id));
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.some((row) => bigIds.has(row.id))).toBe(false);
    expect(new Set(sandbox.entities.map((u) => u.id))).toEqual(
      new Set(data.rows.filter((row) => row.state === 'active').map((row) => row.id)),
    );
  });
});
