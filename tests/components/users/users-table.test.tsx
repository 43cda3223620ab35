// @vitest-environment happy-dom
// The users table drives everything through the URL's view: each change rewrites the URL and
// fetches that page; another tenant's payload is never shown; the previous page stays (dimmed)
// while the next one loads.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { UsersTable } from '@/components/users/users-table';
import type { DivisionList } from '@/lib/users/user-row';
import { answer, stubPendingFetch } from '@/tests/support/pending-fetch';
import { DIVISION_ID, pageOf, row } from './fixtures';
import { currentSearch, stubUrl } from './url-stub';

vi.mock('next/navigation', async () => (await import('./url-stub')).navigationMock);

const pending = stubPendingFetch();
const url = stubUrl();

const DIVISIONS: DivisionList = {
  ok: true,
  divisions: [
    { id: DIVISION_ID, name: 'Home' },
    { id: '1b6c3f0e-3c0a-4f57-9d7e-2f1f6c1d2a11', name: 'Sales floor' },
  ],
};

function renderTable({ canExport = false, divisions = DIVISIONS } = {}) {
  return render(
    <ActiveTenantProvider activeTenantId="acme">
      <UsersTable tenantId="acme" divisions={divisions} canExport={canExport} />
    </ActiveTenantProvider>,
  );
}

/** The query of the newest request, without the path. */
const lastQuery = () => new URL(pending.at(-1)!.url, 'http://x').searchParams;

async function loaded(total = 60, options: { page?: number; pageSize?: number } = {}) {
  await waitFor(() => expect(pending.length).toBeGreaterThan(0));
  await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total, ...options })));
}

const userRows = () => document.querySelectorAll('tr[data-user-id]');

describe('UsersTable', () => {
  it('fetches the view of the URL and renders its rows, each with its user id, under the tenant', async () => {
    url.set('/users?state=inactive&page=2');
    const { container } = renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0]!.url).toBe('/api/tenants/acme/users/view?state=inactive&page=2');
    await answer(() => pending[0]!.resolve(pageOf('acme', { total: 60, page: 2 })));
    expect(userRows()).toHaveLength(25);
    expect(userRows()[0]!.getAttribute('data-user-id')).toBe('user-26');
    expect(userRows()[0]!.getAttribute('aria-rowindex')).toBe('27');
    expect(container.querySelector('section')!.getAttribute('data-tenant-id')).toBe('acme');
    expect(screen.getByText('Rows 26–50 of 60')).toBeTruthy();
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
  });

  it('sorts by clicking a sortable header: ascending, then descending, back to page 1', async () => {
    url.set('/users?page=3');
    renderTable();
    await loaded(60, { page: 3 });
    const table = screen.getByRole('table', { name: 'Users' });
    expect(within(table).getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    // Roles are not sortable upstream: a plain header, no button.
    expect(within(within(table).getByRole('columnheader', { name: 'Roles' })).queryByRole('button')).toBeNull();

    await userEvent.click(within(table).getByRole('button', { name: /Email/ }));
    expect(currentSearch().toString()).toBe('sort=email');
    expect(lastQuery().get('sort')).toBe('email');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60 })));
    expect(within(table).getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(within(table).getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBeNull();

    await userEvent.click(within(table).getByRole('button', { name: /Email/ }));
    expect(currentSearch().toString()).toBe('sort=email&dir=desc');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60 })));
    expect(within(table).getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('descending');
    expect(url.writes.every((w) => w.startsWith('/users'))).toBe(true);
  });

  it('pages with first / previous / next / last and keeps the first row in view on a new page size', async () => {
    renderTable();
    await loaded(60);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page' }).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(currentSearch().get('page')).toBe('2');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60, page: 2 })));
    await userEvent.click(screen.getByRole('button', { name: 'Last page' }));
    expect(currentSearch().get('page')).toBe('3');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60, page: 3 })));
    expect(screen.getByText('Rows 51–60 of 60')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next page' }).disabled).toBe(true);

    // Rows 51–60 on screen; at 50 per page they are on page 2.
    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), '50');
    expect(currentSearch().toString()).toBe('page=2&pageSize=50');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60, page: 2, pageSize: 50 })));
    await userEvent.click(screen.getByRole('button', { name: 'First page' }));
    expect(currentSearch().toString()).toBe('pageSize=50');
  });

  it('filters by state and division, each time from page 1', async () => {
    url.set('/users?page=2&sort=title');
    renderTable();
    await loaded(60, { page: 2 });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'deleted');
    expect(currentSearch().toString()).toBe('state=deleted&sort=title');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Division' }), 'Sales floor');
    expect(currentSearch().get('division')).toBe('1b6c3f0e-3c0a-4f57-9d7e-2f1f6c1d2a11');
    expect(lastQuery().get('division')).toBe('1b6c3f0e-3c0a-4f57-9d7e-2f1f6c1d2a11');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), '');
    expect(currentSearch().get('state')).toBeNull();
  });

  it('searches after typing stops, not on every key, and Enter searches at once', async () => {
    url.set('/users?page=4');
    renderTable();
    await loaded(200, { page: 4 });
    const box = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.type(box, 'ann');
    expect(currentSearch().get('q')).toBeNull(); // typed quickly: nothing committed yet
    await waitFor(() => expect(currentSearch().toString()).toBe('q=ann'), { timeout: 2000 });
    expect(lastQuery().get('q')).toBe('ann');
    expect(url.writes).toHaveLength(1);

    await userEvent.type(box, ' smith{Enter}');
    expect(currentSearch().get('q')).toBe('ann smith');
    await userEvent.clear(box);
    await userEvent.type(box, '{Enter}');
    expect(currentSearch().get('q')).toBeNull();
  });

  it('shows, hides and reorders columns through the menu; the URL keeps only a non-default choice', async () => {
    renderTable();
    await loaded(60);
    const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent?.replace(/[▲▼↕]/g, ''));
    await userEvent.click(screen.getByText('Columns'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Email' }));
    const withoutEmail = 'name,username,title,department,division,state,roles,dateLastLogin,manager';
    expect(currentSearch().get('columns')).toBe(withoutEmail);
    expect(lastQuery().get('columns')).toBe(withoutEmail);
    expect(headers()).not.toContain('Email');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Email left' }).disabled).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Move Name right' }));
    expect(currentSearch().get('columns')).toBe(withoutEmail.replace('name,username', 'username,name'));
    expect(headers().slice(0, 2)).toEqual(['Username', 'Name']);
    // Keyboard: the pressed button keeps the focus as its row moves, so it can be pressed again;
    // at the edge (the button now disabled) the focus goes to the other direction's button.
    screen.getByRole('button', { name: 'Move Name right' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(headers().slice(0, 3)).toEqual(['Username', 'Title', 'Name']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Name right' }));
    screen.getByRole('button', { name: 'Move Title left' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(headers().slice(0, 3)).toEqual(['Title', 'Username', 'Name']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Title right' }));

    await userEvent.click(screen.getByRole('checkbox', { name: 'Email' })); // shown again: last
    expect(headers().at(-1)).toBe('Email');
    await userEvent.click(screen.getByRole('button', { name: 'Reset columns' }));
    expect(currentSearch().get('columns')).toBeNull();
    expect(headers()).toEqual([
      'Name',
      'Email',
      'Username',
      'Title',
      'Department',
      'Division',
      'State',
      'Roles',
      'Last login',
      'Manager',
    ]);
  });

  it('never hides the last column', async () => {
    url.set('/users?columns=email');
    renderTable();
    await loaded(60);
    await userEvent.click(screen.getByText('Columns'));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Email' }).disabled).toBe(true);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Email↕']);
  });

  it('keeps the previous rows on screen, dimmed and busy, until the next page arrives', async () => {
    renderTable();
    await loaded(60);
    const region = screen.getByRole('region', { name: 'Users (scrollable)' });
    expect(region.getAttribute('aria-busy')).toBe('false');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(userRows()[0]!.getAttribute('data-user-id')).toBe('user-1');
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Rows 1–25 of 60 · loading…')).toBeTruthy();
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 60, page: 2 })));
    expect(userRows()[0]!.getAttribute('data-user-id')).toBe('user-26');
    expect(region.getAttribute('aria-busy')).toBe('false');
  });

  it('drops a payload that names another tenant: nothing of it is rendered', async () => {
    renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() => pending[0]!.resolve(pageOf('globex', { total: 60 })));
    expect(userRows()).toHaveLength(0);
    expect(screen.getByLabelText('Loading users')).toBeTruthy();
  });

  it('shows the failure with the missing permission and retries on request', async () => {
    renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() =>
      pending[0]!.resolve(
        {
          error: {
            code: 'upstream_forbidden',
            message: 'Missing directory:user:view',
            requestId: 'req-9',
            missingPermissions: ['directory:user:view'],
          },
        },
        403,
      ),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load users');
    expect(alert.textContent).toContain('directory:user:view');
    expect(alert.textContent).toContain('req-9');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(pending).toHaveLength(2));
    await answer(() => pending[1]!.resolve(pageOf('acme', { total: 3 })));
    expect(userRows()).toHaveLength(3);
  });

  it('says when nothing matches and clears the filters on request', async () => {
    url.set('/users?q=zzz&state=deleted&sort=email');
    renderTable();
    await loaded(0);
    expect(screen.getByText('No users match these filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(currentSearch().toString()).toBe('sort=email');
  });

  it('offers the last page for a page past the end', async () => {
    url.set('/users?page=9');
    renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() => pending[0]!.resolve(pageOf('acme', { total: 60, page: 9 })));
    await userEvent.click(screen.getByRole('button', { name: 'Go to the last page' }));
    expect(currentSearch().get('page')).toBe('3');
  });

  it('shows the defaults for an invalid link and says why, never failing', async () => {
    url.set('/users?pageSize=30&sort=password');
    renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0]!.url).toBe('/api/tenants/acme/users/view?');
    expect(screen.getByRole('alert').textContent).toMatch(/not valid \(pageSize: .*\), so the default view is shown/);
  });

  it('names divisions from the filter list when a row lacks the name, and names unknown managers by id', async () => {
    renderTable();
    await waitFor(() => expect(pending).toHaveLength(1));
    const page = pageOf('acme', { total: 1 });
    page.data.rows = [row(1, { divisionName: null, managerId: 'abcdef0123456789', managerName: null, roles: [] })];
    await answer(() => pending[0]!.resolve(page));
    const cells = [...userRows()[0]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual([
      'User 001',
      'user1@acme.example',
      'user1@acme.example',
      'Agent',
      'Sales',
      'Home',
      'active',
      '—',
      '2026-01-02 03:04 UTC',
      'abcdef01…',
    ]);
  });

  it('offers the export and links to snapshots, with the current filter, when allowed', async () => {
    url.set(`/users?q=ann&division=${DIVISION_ID}&page=2`);
    renderTable({ canExport: true });
    const link = screen.getByRole('link', { name: 'Snapshots' });
    expect(link.getAttribute('href')).toBe(`/users/snapshots?q=ann&division=${DIVISION_ID}`);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
    await waitFor(() => expect(pending).toHaveLength(1)); // the page itself, nothing for the export yet
  });

  it('has no export or snapshots without the capability, and a disabled division filter that says why', () => {
    renderTable({ divisions: { ok: false, message: 'Divisions could not be listed: no permission' } });
    expect(screen.queryByRole('link', { name: 'Snapshots' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
    const division = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Division' });
    expect(division.disabled).toBe(true);
    expect(division.title).toContain('could not be listed');
  });
});

describe('UsersTable with 100 rows per page', () => {
  // react-virtual sizes its window from the scroll region's clientHeight (0 in happy-dom).
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'region' ? 500 : 0;
      },
    });
  });
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });

  it('renders only a window of the rows, and all rows of a 50-row page', async () => {
    url.set('/users?pageSize=100');
    renderTable();
    await loaded(20_000, { pageSize: 100 });
    expect(userRows().length).toBeGreaterThan(10);
    expect(userRows().length).toBeLessThan(50);
    expect(screen.getByText('Rows 1–100 of 20,000')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Users' }).getAttribute('aria-rowcount')).toBe('20001');

    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), '50');
    expect(currentSearch().get('pageSize')).toBe('50');
    await answer(() => pending.at(-1)!.resolve(pageOf('acme', { total: 20_000, pageSize: 50 })));
    expect(userRows()).toHaveLength(50);
  });
});
