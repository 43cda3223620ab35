// @vitest-environment happy-dom
// The all-tenants grid with a scripted fetch: bounded concurrency, each row on its own (a failing
// tenant next to healthy ones, an errored request with its retry), another tenant's payload
// dropped, and the status filter, sorts and summary over whatever has loaded.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OverviewGrid } from '@/components/overview/overview-grid';
import { OVERVIEW_CONCURRENCY } from '@/components/overview/use-overview-rows';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import type { TenantOverview, TenantOverviewResponse } from '@/lib/overview/types';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { stubPendingFetch, type PendingFetch } from '@/tests/support/pending-fetch';
import { SwitchHandle, switchTo } from '@/tests/support/switch-handle';

const tenant = (tenantId: string, displayName: string, environment = 'sandbox'): PublicTenant => ({
  tenantId,
  orgId: `org-${tenantId}`,
  displayName,
  region: 'mypurecloud.com',
  environment,
});

const TENANTS = [
  tenant('acme-prod', 'Acme Corp', 'production'),
  tenant('acme-sandbox', 'Acme Sandbox'),
  tenant('globex-eu', 'Globex Europe', 'production'),
  tenant('initech-apac', 'Initech APAC'),
  tenant('stark-uk', 'Stark UK'),
  tenant('umbrella-ca', 'Umbrella Canada'),
];

function overview(tenantId: string, over: Partial<TenantOverview> = {}): TenantOverviewResponse {
  return {
    tenantId,
    data: {
      tenantId,
      checkedAt: 1,
      requestId: `req-${tenantId}`,
      token: { state: 'ok', expiresAt: 2 },
      permissions: {
        state: 'ok',
        value: { checkedAt: 1, missing: [], unknown: [], featureCount: 10 },
      },
      users: { state: 'ok', value: { total: 100 } },
      budget: { state: 'ok', value: { requests: 12, throttled: 0, limitPerMinute: 300, windowSeconds: 60 } },
      lastError: null,
      ...over,
    },
  };
}

const failing: Partial<TenantOverview> = {
  token: {
    state: 'failing',
    code: 'credentials_invalid',
    message: 'The token endpoint rejected the client credentials',
  },
  users: { state: 'skipped', reason: 'token' },
  permissions: { state: 'skipped', reason: 'token' },
  lastError: { code: 'credentials_invalid', message: 'The token endpoint rejected the client credentials', at: 5 },
};

type Pending = PendingFetch;
const pending = stubPendingFetch();
const open = () => pending.filter((p) => !p.signal.aborted && !p.done);
const tenantOf = (p: Pending) => /\/api\/tenants\/([^/]+)\/overview$/.exec(p.url)?.[1];

async function answer(tenantId: string, body: unknown, status = 200) {
  await waitFor(() => expect(open().some((p) => tenantOf(p) === tenantId)).toBe(true));
  const request = open().find((p) => tenantOf(p) === tenantId)!;
  request.done = true;
  await act(async () => {
    request.resolve(body, status);
    await Promise.resolve();
  });
}

const grid = (activeTenantId = 'acme-prod', tenants = TENANTS) => (
  <ActiveTenantProvider activeTenantId={activeTenantId}>
    <SwitchHandle />
    <OverviewGrid tenants={tenants} />
  </ActiveTenantProvider>
);
const renderGrid = () => render(grid());

const row = (tenantId: string) => document.querySelector<HTMLElement>(`tr[data-tenant-id="${tenantId}"]`)!;
const rowOrder = () =>
  [...document.querySelectorAll('tbody tr[data-tenant-id]')].map((r) => r.getAttribute('data-tenant-id'));

async function loadAll(bodies: Record<string, { body: unknown; status?: number }> = {}) {
  for (const t of TENANTS) {
    const scripted = bodies[t.tenantId];
    await answer(t.tenantId, scripted?.body ?? overview(t.tenantId), scripted?.status);
  }
}

describe('OverviewGrid', () => {
  it(`fetches with at most ${OVERVIEW_CONCURRENCY} requests in flight, in name order, starting the next as one lands`, async () => {
    renderGrid();
    await waitFor(() => expect(open()).toHaveLength(OVERVIEW_CONCURRENCY));
    expect(open().map(tenantOf)).toEqual(['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac']);
    expect(TENANTS.every((t) => row(t.tenantId).dataset.state === 'loading')).toBe(true);

    await answer('acme-sandbox', overview('acme-sandbox'));
    await waitFor(() => expect(open().map(tenantOf)).toContain('stark-uk'));
    expect(open()).toHaveLength(OVERVIEW_CONCURRENCY);
    expect(pending).toHaveLength(OVERVIEW_CONCURRENCY + 1);
    expect(row('acme-sandbox').dataset.state).toBe('ok');
  });

  it('shows a failing tenant in its own row while the others load and render', async () => {
    renderGrid();
    await answer('globex-eu', overview('globex-eu', failing));
    const failed = row('globex-eu');
    expect(failed.dataset).toMatchObject({ state: 'error', status: 'failing' });
    expect(within(failed).getByText('Failing')).toBeTruthy();
    const tokenCell = failed.querySelector<HTMLElement>('[data-cell="token"]')!;
    expect(tokenCell.dataset.state).toBe('error');
    expect(within(tokenCell).getByText('credentials_invalid')).toBeTruthy();
    expect(within(tokenCell).getByText(/rejected the client credentials/)).toBeTruthy();
    expect(row('acme-prod').dataset.state).toBe('loading');

    await answer('acme-prod', overview('acme-prod', { users: { state: 'ok', value: { total: 2048 } } }));
    expect(within(row('acme-prod')).getByText('2,048')).toBeTruthy();
    expect(within(row('acme-prod')).getByText('12 / 300 per min')).toBeTruthy();
    expect(row('globex-eu').dataset.status).toBe('failing');
  });

  it('an errored request: message, request id and a Retry that loads the row', async () => {
    const user = userEvent.setup();
    renderGrid();
    await answer(
      'acme-sandbox',
      { error: { code: 'tenant_unavailable', message: 'Tenant list unavailable', requestId: 'req-503' } },
      503,
    );
    const errored = row('acme-sandbox');
    expect(errored.dataset.state).toBe('error');
    expect(within(errored).getByText(/Tenant list unavailable/)).toBeTruthy();
    expect(within(errored).getByText('req-503')).toBeTruthy();

    await user.click(within(errored).getByRole('button', { name: 'Retry' }));
    expect(row('acme-sandbox').dataset.state).toBe('loading');
    // Still bounded: the retry waits for a free slot, but ahead of the rows queued before it.
    expect(open().map(tenantOf)).not.toContain('acme-sandbox');
    await answer('acme-prod', overview('acme-prod'));
    await waitFor(() => expect(open().map(tenantOf)).toContain('acme-sandbox'));
    expect(open().map(tenantOf)).not.toContain('umbrella-ca');
    await answer('acme-sandbox', overview('acme-sandbox', { users: { state: 'ok', value: { total: 7 } } }));
    expect(row('acme-sandbox').dataset.state).toBe('ok');
    expect(within(row('acme-sandbox')).getByText('7')).toBeTruthy();
  });

  it('a double "Check again" fetches the row once; once it lands, the row can be checked again', async () => {
    const user = userEvent.setup();
    renderGrid();
    await answer('acme-prod', overview('acme-prod', failing));
    const requestsFor = (tenantId: string) => pending.filter((p) => tenantOf(p) === tenantId);
    expect(requestsFor('acme-prod')).toHaveLength(1);

    // The row keeps its last data (and this button) while it reloads: a second click lands too.
    await user.dblClick(within(row('acme-prod')).getByRole('button', { name: 'Check again' }));
    expect(row('acme-prod').dataset.state).toBe('loading');
    // Free two slots: a second queued fetch of the row would start in the second one.
    await answer('acme-sandbox', overview('acme-sandbox'));
    await answer('globex-eu', overview('globex-eu'));
    await waitFor(() => expect(open().map(tenantOf)).toContain('umbrella-ca'));
    expect(requestsFor('acme-prod')).toHaveLength(2);
    expect(open().filter((p) => tenantOf(p) === 'acme-prod')).toHaveLength(1);

    await answer('acme-prod', overview('acme-prod', failing));
    for (const tenantId of ['initech-apac', 'stark-uk', 'umbrella-ca']) await answer(tenantId, overview(tenantId));
    expect(requestsFor('acme-prod')).toHaveLength(2);

    await user.click(within(row('acme-prod')).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(requestsFor('acme-prod')).toHaveLength(3));
  });

  it('a rate-limited row or part says how long Genesys Cloud asked to wait', async () => {
    const queued = globalThis.fetch;
    const limited = { error: { code: 'rate_limited', message: 'Rate limit reached.', requestId: 'req-429' } };
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) =>
        url.includes('/acme-sandbox/')
          ? Promise.resolve(Response.json(limited, { status: 429, headers: { 'Retry-After': '20' } }))
          : queued(url, init),
      ),
    );
    renderGrid();
    await waitFor(() => expect(row('acme-sandbox').dataset.state).toBe('error'));
    expect(within(row('acme-sandbox')).getByText('Genesys Cloud asks to wait 20 s before retrying.')).toBeTruthy();

    const users = {
      state: 'error',
      code: 'rate_limited',
      message: 'Rate limit reached.',
      retryAfterSeconds: 30,
    } as const;
    await answer('acme-prod', overview('acme-prod', { users }));
    const cell = row('acme-prod').querySelector<HTMLElement>('[data-cell="users"]')!;
    expect(cell.textContent).toContain('Genesys Cloud asks to wait 30 s before retrying.');
    expect(cell.textContent).toContain('req-acme-prod');
  });

  it('drops a payload that names another tenant: the row never shows it', async () => {
    renderGrid();
    const foreign = overview('globex-eu', { users: { state: 'ok', value: { total: 31337 } } });
    await answer('acme-prod', foreign);
    expect(screen.queryByText('31,337')).toBeNull();
    expect(row('acme-prod').dataset.state).toBe('error');
    expect(within(row('acme-prod')).getByText(/another tenant/)).toBeTruthy();

    // The envelope right but the data of another tenant: dropped too.
    await answer('acme-sandbox', { tenantId: 'acme-sandbox', data: foreign.data });
    expect(screen.queryByText('31,337')).toBeNull();
    expect(row('acme-sandbox').dataset.state).toBe('error');

    // Not an overview at all: an error row with a retry, not a crash or an endless skeleton.
    await answer('globex-eu', { tenantId: 'globex-eu' });
    expect(row('globex-eu').dataset.state).toBe('error');
    expect(within(row('globex-eu')).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('summarises, filters by status and sorts by name, status, user count and budget', async () => {
    const user = userEvent.setup();
    renderGrid();
    await loadAll({
      'acme-prod': { body: overview('acme-prod', { users: { state: 'ok', value: { total: 500 } } }) },
      'acme-sandbox': { body: overview('acme-sandbox', failing) },
      'globex-eu': {
        body: overview('globex-eu', {
          users: { state: 'ok', value: { total: 40 } },
          budget: { state: 'ok', value: { requests: 290, throttled: 3, limitPerMinute: 300, windowSeconds: 60 } },
        }),
      },
      'initech-apac': {
        body: overview('initech-apac', {
          token: { state: 'binding_mismatch', code: 'tenant_binding_mismatch', message: 'another org' },
        }),
      },
      'stark-uk': {
        body: overview('stark-uk', {
          users: { state: 'ok', value: { total: 9000 } },
          permissions: {
            state: 'ok',
            value: {
              checkedAt: 1,
              missing: [{ id: 'roles', label: 'Roles', permissions: ['authorization:role:view'] }],
              unknown: [],
              featureCount: 10,
            },
          },
        }),
      },
    });
    expect(screen.getByRole('status').textContent).toBe(
      '6 tenants: 4 ok, 1 failing, 1 binding mismatch; 1 with missing permissions',
    );
    expect(within(row('stark-uk')).getByText('authorization:role:view')).toBeTruthy();
    expect(within(row('stark-uk')).getByText(/^Grant these to a role of this tenant's OAuth client/)).toBeTruthy();
    expect(within(row('globex-eu')).getByText('3 throttled')).toBeTruthy();

    const show = screen.getByRole('combobox', { name: 'Show' });
    await user.selectOptions(show, 'failing');
    expect(rowOrder()).toEqual(['acme-sandbox']);
    await user.selectOptions(show, 'binding_mismatch');
    expect(rowOrder()).toEqual(['initech-apac']);
    await user.selectOptions(show, 'missing_permissions');
    expect(rowOrder()).toEqual(['stark-uk']);
    await user.selectOptions(show, 'ok');
    expect(rowOrder()).toEqual(['acme-prod', 'globex-eu', 'stark-uk', 'umbrella-ca']);
    await user.selectOptions(show, 'all');

    await user.click(screen.getByRole('button', { name: /Active users/ }));
    expect(screen.getByRole('columnheader', { name: /Active users/ }).getAttribute('aria-sort')).toBe('descending');
    // Failing tenant has no count: last in either direction.
    expect(rowOrder()).toEqual(['stark-uk', 'acme-prod', 'initech-apac', 'umbrella-ca', 'globex-eu', 'acme-sandbox']);

    await user.click(screen.getByRole('button', { name: /Token/ }));
    expect(rowOrder().slice(0, 3)).toEqual(['initech-apac', 'acme-sandbox', 'stark-uk']);

    await user.click(screen.getByRole('button', { name: /Rate budget/ }));
    expect(rowOrder()[0]).toBe('globex-eu');

    await user.click(screen.getByRole('button', { name: /Tenant/ }));
    await user.click(screen.getByRole('button', { name: /Tenant/ }));
    expect(screen.getByRole('columnheader', { name: /Tenant/ }).getAttribute('aria-sort')).toBe('descending');
    expect(rowOrder()).toEqual(['umbrella-ca', 'stark-uk', 'initech-apac', 'globex-eu', 'acme-sandbox', 'acme-prod']);
  });

  it('marks production tenants', () => {
    renderGrid();
    expect(within(row('acme-prod')).getByText('production').className).toContain('production');
    expect(within(row('acme-sandbox')).getByText('sandbox').className).not.toContain('production');
  });

  it('Refresh all reloads every row, still bounded, keeping the last values on screen meanwhile', async () => {
    const user = userEvent.setup();
    renderGrid();
    await loadAll();
    const before = pending.length;
    await user.click(screen.getByRole('button', { name: 'Refresh all' }));
    await waitFor(() => expect(open()).toHaveLength(OVERVIEW_CONCURRENCY));
    expect(pending.length - before).toBe(OVERVIEW_CONCURRENCY);
    expect(row('acme-prod').dataset.state).toBe('loading');
    expect(within(row('acme-prod')).getByText('100')).toBeTruthy(); // the previous count, not a skeleton
    await loadAll();
    expect(TENANTS.every((t) => row(t.tenantId).dataset.state === 'ok')).toBe(true);
  });

  it('a tenant switch aborts what is in flight; rows not loaded yet are asked again, loaded ones are kept', async () => {
    const view = renderGrid();
    await answer('acme-prod', overview('acme-prod'));
    await waitFor(() => expect(open()).toHaveLength(OVERVIEW_CONCURRENCY));
    const inFlight = open();
    act(() => switchTo('globex-eu'));
    expect(inFlight.every((p) => p.signal.aborted)).toBe(true);
    // Nothing is asked while the switch runs; the grid asks again once the new tenant renders.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(open()).toEqual([]);
    view.rerender(grid('globex-eu'));
    await waitFor(() => expect(open()).toHaveLength(OVERVIEW_CONCURRENCY));
    expect(open().map(tenantOf)).toEqual(['acme-sandbox', 'globex-eu', 'initech-apac', 'stark-uk']);
    expect(row('acme-prod').dataset.state).toBe('ok');
  });

  it('aborts what is in flight on unmount', async () => {
    const view = renderGrid();
    await waitFor(() => expect(open()).toHaveLength(OVERVIEW_CONCURRENCY));
    const inFlight = open();
    view.unmount();
    expect(inFlight.every((p) => p.signal.aborted)).toBe(true);
  });
});
