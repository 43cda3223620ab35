import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MountedEmulator, mountEmulator } from './support/msw-emulator';
import { fetchJson, fetchToken } from './support/fetch-client';

type User = {
  id: string;
  name: string;
  state: string;
  email: string;
  username: string;
  manager?: { id: string };
  authorization?: { roles: unknown[]; permissions: string[] };
  dateLastLogin?: string;
  division: { id: string };
};
type Listing = {
  entities: User[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
};
type Search = {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  types: string[];
  results: User[];
  currentPage: string;
  nextPage?: string;
  previousPage?: string;
};

let mounted: MountedEmulator;
let token: string;
let readOnlyToken: string;
let noPermissionToken: string;

beforeAll(() => {
  mounted = mountEmulator({ orgSizes: [300, 20], faultControl: true });
});
afterAll(() => mounted.close());

beforeEach(async () => {
  mounted.emulator.reset();
  const [acme] = mounted.emulator.listTenantCredentials();
  if (!acme) throw new Error('no tenants');
  token = await fetchToken(mounted.baseUrl, acme);
  readOnlyToken = await fetchToken(mounted.baseUrl, mounted.emulator.readOnlyCredential('acme-prod')!);
  const added = await fetch(`${mounted.baseUrl}/__emulator/tenants/acme-prod/clients`, {
    method: 'POST',
    headers: { 'x-service-token': mounted.emulator.configServiceToken, 'content-type': 'application/json' },
    body: JSON.stringify({ permissions: [] }),
  });
  noPermissionToken = await fetchToken(
    mounted.baseUrl,
    (await added.json()) as { clientId: string; clientSecret: string },
  );
});

const get = (path: string, as = token) => fetchJson<Listing>(mounted.baseUrl, as, path);

describe('GET /api/v2/users', () => {
  it('pages through the whole org with the listing envelope', async () => {
    const first = await get('/api/v2/users?pageSize=100');
    expect(first.status).toBe(200);
    const { total, pageCount } = first.body;
    expect(first.body).toMatchObject({
      pageSize: 100,
      pageNumber: 1,
      firstUri: '/api/v2/users?pageSize=100&pageNumber=1',
      nextUri: '/api/v2/users?pageSize=100&pageNumber=2',
    });
    expect(first.body.previousUri).toBeUndefined();
    const seen = new Set<string>();
    let path: string | undefined = '/api/v2/users?pageSize=100';
    while (path) {
      const page: { body: Listing } = await get(path);
      page.body.entities.forEach((user) => seen.add(user.id));
      path = page.body.nextUri;
    }
    expect(seen.size).toBe(total);
    expect(pageCount).toBe(Math.ceil(total / 100));
    expect(total).toBeGreaterThan(250); // mostly active users out of 300
  });

  it('returns an empty page past the end (clients page until empty)', async () => {
    const { body } = await get('/api/v2/users?pageSize=500&pageNumber=9');
    expect(body.entities).toEqual([]);
  });

  it.each(['0', '501', 'abc', '-1', '2.5'])('rejects pageSize=%s with 400 invalid.value', async (value) => {
    const response = await fetchJson(mounted.baseUrl, token, `/api/v2/users?pageSize=${value}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid.value', status: 400, details: [{ fieldName: 'pageSize' }] });
  });

  it('rejects pageNumber=0 and an unknown state, expand or sortOrder', async () => {
    for (const query of ['pageNumber=0', 'state=gone', 'expand=everything', 'sortOrder=sideways']) {
      expect((await fetchJson(mounted.baseUrl, token, `/api/v2/users?${query}`)).status).toBe(400);
    }
  });

  it('filters by state', async () => {
    const counts: Record<string, number> = {};
    for (const state of ['active', 'inactive', 'deleted', 'any']) {
      const { body } = await get(`/api/v2/users?state=${state}&pageSize=500`);
      counts[state] = body.total;
      if (state !== 'any') expect(body.entities.every((user) => user.state === state)).toBe(true);
    }
    expect(counts.any).toBe(300);
    expect((counts.active ?? 0) + (counts.inactive ?? 0) + (counts.deleted ?? 0)).toBe(300);
    expect(counts.deleted).toBeGreaterThan(0);
    expect(counts.inactive).toBeGreaterThan(0);
  });

  it('sorts by name, both directions, with both enum spellings', async () => {
    const asc = (await get('/api/v2/users?pageSize=500&sortOrder=ascending')).body.entities.map((user) =>
      user.name.toLowerCase(),
    );
    expect([...asc].sort()).toEqual(asc);
    const desc = (await get('/api/v2/users?pageSize=500&sortOrder=DESC')).body.entities.map((user) =>
      user.name.toLowerCase(),
    );
    expect(desc[0]).toBe(asc[asc.length - 1]);
  });

  it('expands authorization and dateLastLogin only when asked, in the SDK array form too', async () => {
    const plain = (await get('/api/v2/users?pageSize=50')).body.entities;
    expect(plain.some((user) => user.authorization || user.dateLastLogin)).toBe(false);
    const expanded = (await get('/api/v2/users?pageSize=50&expand[]=authorization&expand[]=dateLastLogin')).body
      .entities;
    expect(expanded.every((user) => Array.isArray(user.authorization?.roles))).toBe(true);
    expect(expanded.some((user) => user.dateLastLogin)).toBe(true);
    expect(plain.filter((user) => user.manager).length).toBeGreaterThan(plain.length / 2);
  });

  it('filters by id (multi)', async () => {
    const two = (await get('/api/v2/users?pageSize=2')).body.entities.map((user) => user.id);
    const byId = await get(`/api/v2/users?id=${two[0]}&id[]=${two[1]}`);
    expect(byId.body.entities.map((user) => user.id).sort()).toEqual([...two].sort());
  });
});

describe('GET /api/v2/users/{userId}', () => {
  it('returns one user and 404s for an unknown id', async () => {
    const [first] = (await get('/api/v2/users?pageSize=1')).body.entities;
    const one = await fetchJson<User>(mounted.baseUrl, token, `/api/v2/users/${first!.id}?expand=authorization`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(first!.id);
    expect(one.body.authorization?.permissions.length).toBeGreaterThan(0);
    const missing = await fetchJson(mounted.baseUrl, token, '/api/v2/users/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not.found', status: 404 });
  });

  it('finds deleted users only with state=deleted', async () => {
    const [deleted] = (await get('/api/v2/users?state=deleted&pageSize=1')).body.entities;
    expect((await fetchJson(mounted.baseUrl, token, `/api/v2/users/${deleted!.id}`)).status).toBe(404);
    expect((await fetchJson(mounted.baseUrl, token, `/api/v2/users/${deleted!.id}?state=deleted`)).status).toBe(200);
  });
});

describe('POST /api/v2/users/search', () => {
  const search = (body: unknown, as = token) =>
    fetchJson<Search>(mounted.baseUrl, as, '/api/v2/users/search', { method: 'POST', body });

  it('answers the search envelope and follows nextPage via GET ?q64=', async () => {
    const first = await search({ pageSize: 10, query: [{ type: 'EXACT', fields: ['state'], values: ['active'] }] });
    expect(first.status).toBe(200);
    expect(first.body.types).toEqual(['users']);
    expect(first.body.nextPage).toMatch(/^\/api\/v2\/users\/search\?q64=/);
    expect(first.body.results.every((user) => user.state === 'active')).toBe(true);
    const ids = new Set(first.body.results.map((user) => user.id));
    let next = first.body.nextPage;
    let pages = 1;
    while (next) {
      const page = await fetchJson<Search>(mounted.baseUrl, token, next);
      expect(page.status).toBe(200);
      page.body.results.forEach((user) => ids.add(user.id));
      next = page.body.nextPage;
      pages++;
    }
    expect(pages).toBe(first.body.pageCount);
    expect(ids.size).toBe(first.body.total);
  });

  it('supports CONTAINS, STARTS_WITH, TERM, TERMS, REQUIRED_FIELDS, MATCH_ALL and operators', async () => {
    const all = await search({ pageSize: 100, query: [{ type: 'MATCH_ALL' }] });
    const someone = all.body.results[0]!;
    const [firstName, lastName] = someone.name.split(' ');
    const contains = await search({
      query: [{ type: 'CONTAINS', fields: ['email'], value: someone.email.slice(1, 6) }],
    });
    expect(contains.body.results.map((user) => user.id)).toContain(someone.id);
    const starts = await search({
      pageSize: 100,
      query: [{ type: 'STARTS_WITH', fields: ['name'], value: firstName!.slice(0, 3) }],
    });
    expect(
      starts.body.results.every((user) =>
        user.name
          .toLowerCase()
          .split(' ')
          .some((part) => part.startsWith(firstName!.slice(0, 3).toLowerCase())),
      ),
    ).toBe(true);
    const term = await search({ pageSize: 100, query: [{ type: 'TERM', fields: ['name'], value: lastName }] });
    expect(term.body.results.length).toBeGreaterThan(0);
    const terms = await search({
      pageSize: 100,
      query: [{ type: 'TERMS', fields: ['email'], values: [someone.email, 'nobody@nowhere'] }],
    });
    expect(terms.body.results.map((user) => user.id)).toEqual([someone.id]);
    const required = await search({ query: [{ type: 'REQUIRED_FIELDS', fields: ['email'] }] });
    expect(required.body.total).toBe(all.body.total);
    const without = await search({
      query: [{ type: 'MATCH_ALL' }, { type: 'EXACT', fields: ['id'], value: someone.id, operator: 'NOT' }],
    });
    expect(without.body.total).toBe(all.body.total - 1);
    const either = await search({
      query: [
        { type: 'EXACT', fields: ['id'], value: someone.id, operator: 'OR' },
        { type: 'EXACT', fields: ['email'], value: 'nobody@nowhere', operator: 'OR' },
      ],
    });
    expect(either.body.results.map((user) => user.id)).toEqual([someone.id]);
    const byDivision = await search({
      pageSize: 100,
      query: [{ type: 'EXACT', fields: ['division.id'], value: someone.division.id }],
    });
    expect(byDivision.body.results.every((user) => user.division.id === someone.division.id)).toBe(true);
  });

  it('sorts by sortBy/sortOrder', async () => {
    const { body } = await search({ pageSize: 50, sortBy: 'email', sortOrder: 'DESC', query: [{ type: 'MATCH_ALL' }] });
    const emails = body.results.map((user) => user.email.toLowerCase());
    expect([...emails].sort().reverse()).toEqual(emails);
  });

  it('rejects bad requests with 400 and no permission with 403', async () => {
    for (const body of [
      { pageSize: 101, query: [{ type: 'MATCH_ALL' }] },
      { query: [] },
      {},
      { query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] },
      { query: [{ type: 'EXACT', fields: ['salary'], value: 'x' }] },
      { query: [{ type: 'EXACT', fields: ['name'] }] },
      { query: [{ type: 'MATCH_ALL' }], surprise: true },
    ]) {
      const response = await search(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const denied = await search({ query: [{ type: 'MATCH_ALL' }] }, noPermissionToken);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'missing.any.permissions' });
    expect((await search({ query: [{ type: 'MATCH_ALL' }] }, readOnlyToken)).status).toBe(200);
  });

  it('GET search needs a valid q64', async () => {
    expect((await fetchJson(mounted.baseUrl, token, '/api/v2/users/search')).status).toBe(400);
    expect((await fetchJson(mounted.baseUrl, token, '/api/v2/users/search?q64=%%%')).status).toBe(400);
    expect(
      (
        await fetchJson(
          mounted.baseUrl,
          token,
          `/api/v2/users/search?q64=${Buffer.from('not json').toString('base64')}`,
        )
      ).status,
    ).toBe(400);
  });
});
