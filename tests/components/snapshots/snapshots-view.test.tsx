// @vitest-environment happy-dom
// The snapshots page of a tenant: its list (another tenant's payload never shown), taking a
// snapshot of the page's filter with its progress, and the failures in words.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { SnapshotsView } from '@/components/snapshots/snapshots-view';
import type { UserFilter } from '@/lib/users/user-view';
import { meta } from './fixtures';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn() }) }));

interface Call {
  url: string;
  method: string;
  body?: string;
  resolve: (body: unknown, status?: number) => void;
}

let calls: Call[] = [];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
          calls.push({
            url,
            method: init.method ?? 'GET',
            body: typeof init.body === 'string' ? init.body : undefined,
            resolve: (body, status = 200) => resolve(Response.json(body, { status })),
          });
        }),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (call: Call | undefined, body: unknown, status?: number) =>
  act(async () => {
    call?.resolve(body, status);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

const gets = () => calls.filter((call) => call.method === 'GET');
const lastGet = () => gets().at(-1);

function renderView(filter: UserFilter | null = { state: 'active' }, problem?: string) {
  return render(
    <ActiveTenantProvider activeTenantId="acme">
      <SnapshotsView tenantId="acme" filter={filter} filterProblem={problem} />
    </ActiveTenantProvider>,
  );
}

describe('SnapshotsView', () => {
  it('lists the tenant’s snapshots newest first with who, filter, count and status', async () => {
    const { container } = renderView();
    expect(screen.getAllByLabelText('Loading snapshots').length).toBeGreaterThan(0);
    await waitFor(() => expect(gets()).toHaveLength(1));
    expect(lastGet()?.url).toBe('/api/tenants/acme/snapshots');
    const newer = meta({ filter: { q: 'ann', state: 'deleted' }, total: 12 });
    const failed = meta({ status: 'failed', error: 'Not completed: rate limited', requestId: 'req-7' });
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [failed, newer, meta()] } });
    const rows = container.querySelectorAll('tr[data-snapshot-id]');
    expect([...rows].map((row) => row.getAttribute('data-snapshot-id'))).toEqual([
      failed.id,
      newer.id,
      expect.any(String),
    ]);
    expect(rows[1]?.textContent).toContain('Search “ann” · state deleted');
    expect(rows[1]?.textContent).toContain('auditor@demo.test');
    expect(rows[1]?.textContent).toContain('12');
    expect(rows[0]?.textContent).toContain('Failed');
    expect(rows[0]?.textContent).toContain('Not completed: rate limited');
    expect(rows[0]?.textContent).toContain('request id req-7');
    expect(container.querySelector('[data-tenant-id]')?.getAttribute('data-tenant-id')).toBe('acme');
  });

  it('drops a payload for another tenant and says when there is no snapshot yet', async () => {
    renderView();
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'globex', data: { snapshots: [meta({ tenantId: 'globex' })] } });
    expect(document.querySelectorAll('tr[data-snapshot-id]')).toHaveLength(0);
    cleanup();
    calls = [];
    renderView();
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [] } });
    expect(screen.getByText('No snapshots of this tenant yet.')).toBeTruthy();
    expect(screen.getByText('Nothing to compare yet')).toBeTruthy();
  });

  it('takes a snapshot of the filter: POSTs it, shows the progress the list reports, then the result', async () => {
    const user = userEvent.setup();
    renderView({ state: 'active', q: 'ann' });
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [] } });
    expect(screen.getByText('Search “ann” · state active')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Take snapshot of the current filter' }));
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe('/api/tenants/acme/snapshots');
    expect(JSON.parse(post?.body ?? '')).toEqual({ state: 'active', q: 'ann' });
    const button = screen.getByRole('button', { name: 'Taking snapshot…' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1); // no second snapshot

    // While taking, the list is re-read for the progress.
    const taking = meta({ status: 'taking', total: 100, expected: 240 });
    await waitFor(() => expect(gets().length).toBeGreaterThan(1), { timeout: 3000 });
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [taking] } });
    // In the take panel and in the list's row.
    const bars = screen.getAllByLabelText('Snapshot progress: 100 of 240 users');
    expect(bars.map((bar) => [bar.tagName, bar.getAttribute('value'), bar.getAttribute('max')])).toEqual([
      ['PROGRESS', '100', '240'],
      ['PROGRESS', '100', '240'],
    ]);

    const done = { ...taking, status: 'complete', total: 240 };
    const before = gets().length;
    await answer(post, { tenantId: 'acme', data: done });
    expect(screen.getByText(/Snapshot taken: 240 users\./)).toBeTruthy();
    await waitFor(() => expect(gets().length).toBeGreaterThan(before)); // the list, refreshed
  });

  it('shows why a snapshot was not taken, with the request id and the wait a 429 asks for', async () => {
    const user = userEvent.setup();
    renderView();
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [] } });
    await user.click(screen.getByRole('button', { name: 'Take snapshot of the current filter' }));
    const post = calls.find((call) => call.method === 'POST');
    await answer(
      post,
      { error: { code: 'rate_limited', message: 'Genesys Cloud rate limit reached.', requestId: 'req-42' } },
      429,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('The snapshot was not taken')).toBeTruthy();
    expect(alert.textContent).toContain('req-42');
    expect(screen.getByRole('button', { name: 'Take snapshot of the current filter' })).toBeTruthy();
  });

  it('an answer for another tenant ends the wait without showing it: the button is usable again', async () => {
    const user = userEvent.setup();
    renderView();
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [] } });
    await user.click(screen.getByRole('button', { name: 'Take snapshot of the current filter' }));
    expect(screen.getByRole('button', { name: 'Taking snapshot…' })).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    await answer(post, { tenantId: 'globex', data: meta({ tenantId: 'globex', total: 7 }) });
    const button = screen.getByRole('button', { name: 'Take snapshot of the current filter' });
    expect(button.getAttribute('aria-disabled')).toBe('false');
    expect(screen.queryByText(/Snapshot taken/)).toBeNull();
  });

  it('a snapshot already being taken (409) says so, and the kept number is stated', async () => {
    const user = userEvent.setup();
    renderView();
    await waitFor(() => expect(gets()).toHaveLength(1));
    await answer(lastGet(), { tenantId: 'acme', data: { snapshots: [] } });
    expect(screen.getByText(/The newest 50 are kept: when a new one completes, the oldest beyond that/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Take snapshot of the current filter' }));
    const message = 'A snapshot of this tenant is already being taken (started by admin@demo.test at 10:02 UTC).';
    await answer(
      calls.find((call) => call.method === 'POST'),
      { error: { code: 'snapshot_in_progress', message, requestId: 'req-9' } },
      409,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Another snapshot of this tenant is being taken')).toBeTruthy();
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('req-9');
  });

  it('an invalid filter in the address says so and takes nothing', async () => {
    const user = userEvent.setup();
    renderView(null, 'state Invalid option');
    expect(screen.getByRole('alert').textContent).toContain('state Invalid option');
    const button = screen.getByRole('button', { name: 'Take snapshot of the current filter' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
