import { describe, expect, it, vi } from 'vitest';
import { GenesysApiError, type GenesysClient, type TenantConnection, type User } from '@/lib/genesys';
import { ApiError } from '@/lib/http/api-error';
import { loadUserViewPage } from '@/lib/users/load-user-view-page';
import { parseUserView } from '@/lib/users/user-view';

vi.mock('@/lib/logger', () => ({ logger: { warn: vi.fn() } }));

const connection = { tenantId: 'acme' } as TenantConnection;
const users: User[] = [
  { id: 'u1', name: 'Ann', state: 'active', manager: { id: 'u2' } },
  { id: 'u2', name: 'Bob', state: 'active', manager: { id: 'boss' } },
];

/** A client answering the search with `users` and the id lookup with `lookup` (or its error). */
function fakeClient(lookup: () => Promise<unknown>) {
  const calls: { operation: string; options: Record<string, unknown> }[] = [];
  const client = {
    request: (_tenant: TenantConnection, operation: string, options: Record<string, unknown>) => {
      calls.push({ operation, options });
      if (operation === 'users.search') return Promise.resolve({ total: 52, pageCount: 3, results: users });
      return lookup();
    },
  } as unknown as GenesysClient;
  return { client, calls };
}

const options = () => ({ requestId: 'r1', signal: new AbortController().signal });

describe('loadUserViewPage', () => {
  it('sends the view as one search (criteria, sort, page, expand) and names off-page managers in one lookup', async () => {
    const { client, calls } = fakeClient(() =>
      Promise.resolve({ entities: [{ id: 'boss', name: 'The Boss', state: 'inactive' }] }),
    );
    const view = parseUserView(new URLSearchParams('q=an&state=inactive&sort=email&dir=desc&page=2&pageSize=50'));
    const page = await loadUserViewPage(client, connection, view, options());
    expect(calls[0]).toMatchObject({
      operation: 'users.search',
      options: {
        requestId: 'r1',
        body: {
          pageSize: 50,
          pageNumber: 2,
          sortBy: 'email',
          sortOrder: 'DESC',
          expand: ['authorization', 'dateLastLogin'],
          query: [
            { type: 'EXACT', fields: ['state'], values: ['inactive'] },
            { type: 'CONTAINS', fields: ['name', 'email', 'username'], value: 'an' },
          ],
        },
      },
    });
    expect(calls[1]).toMatchObject({
      operation: 'users.list',
      options: { query: { id: ['boss'], state: 'any', pageSize: 1 } },
    });
    expect(calls).toHaveLength(2);
    expect(page).toMatchObject({ total: 52, page: 2, pageSize: 50, pageCount: 3 });
    expect(page.rows.map((row) => [row.id, row.managerName])).toEqual([
      ['u1', 'Bob'],
      ['u2', 'The Boss'],
    ]);
  });

  it('still answers the page when naming managers fails upstream (ids kept, names null)', async () => {
    const { client } = fakeClient(() =>
      Promise.reject(new GenesysApiError({ status: 429, code: 'too.many.requests', message: 'slow down' })),
    );
    const page = await loadUserViewPage(client, connection, parseUserView(new URLSearchParams()), options());
    expect(page.rows.map((row) => [row.managerId, row.managerName])).toEqual([
      ['u2', 'Bob'],
      ['boss', null],
    ]);
  });

  it('does not hide a programming error in the lookup', async () => {
    const { client } = fakeClient(() => Promise.reject(new TypeError('bug')));
    await expect(loadUserViewPage(client, connection, parseUserView(new URLSearchParams()), options())).rejects.toThrow(
      TypeError,
    );
  });

  it('makes no lookup when the manager column is hidden', async () => {
    const { client, calls } = fakeClient(() => Promise.reject(new Error('must not be called')));
    const view = parseUserView(new URLSearchParams('columns=name,email'));
    await loadUserViewPage(client, connection, view, options());
    expect(calls.map((c) => c.operation)).toEqual(['users.search']);
  });

  it('derives the page count when Genesys leaves it out', async () => {
    const client = {
      request: () => Promise.resolve({ total: 101, results: [] }),
    } as unknown as GenesysClient;
    const view = parseUserView(new URLSearchParams('pageSize=25&page=9'));
    expect(await loadUserViewPage(client, connection, view, options())).toEqual({
      total: 101,
      page: 9,
      pageSize: 25,
      pageCount: 5,
      rows: [],
    });
  });

  it('turns a failure after the browser went away into 499, not a server error', async () => {
    const controller = new AbortController();
    const client = {
      request: () => {
        controller.abort();
        return Promise.reject(new DOMException('aborted', 'AbortError'));
      },
    } as unknown as GenesysClient;
    const failure = loadUserViewPage(client, connection, parseUserView(new URLSearchParams()), {
      requestId: 'r',
      signal: controller.signal,
    });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 499, code: 'client_closed_request' });
  });
});
