// @vitest-environment happy-dom
// The live rate-budget panel: this tenant's buckets as requests per minute against the limit,
// refreshed on a timer; another tenant's payload never reaches the screen; unmount aborts.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveUsage, USAGE_REFRESH_MS } from '@/components/dashboard/live-usage';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { stubPendingFetch, type PendingFetch } from '@/tests/support/pending-fetch';

const pending = stubPendingFetch();

afterEach(() => {
  vi.useRealTimers();
});

const T0 = Date.parse('2026-03-04T15:00:00.000Z');

/** 90 buckets of 10 s; `recent` fills the newest ones (last element = newest bucket). */
function usage(tenantId: string, recent: number[], throttled: Record<number, number> = {}) {
  const buckets = Array.from({ length: 90 }, (_, i) => {
    const fromEnd = 89 - i;
    return {
      start: T0 + i * 10_000,
      requests: recent[recent.length - 1 - fromEnd] ?? 0,
      throttled: throttled[i] ?? 0,
    };
  });
  return { tenantId, data: { tenantId, limitPerMinute: 300, bucketMs: 10_000, buckets } };
}

const tree = (tenantId = 'acme-prod') => (
  <ActiveTenantProvider activeTenantId={tenantId}>
    <LiveUsage tenantId={tenantId} />
  </ActiveTenantProvider>
);

/** Answers a pending request and lets React render the result. */
const answer = (request: PendingFetch, body: unknown, status?: number) =>
  act(async () => {
    request.resolve(body, status);
    await Promise.resolve();
  });

async function firstRequest() {
  await waitFor(() => expect(pending).toHaveLength(1));
  return pending[0]!;
}

describe('LiveUsage', () => {
  it("fetches this tenant's usage and shows the last minute against the limit, per minute, with 429s", async () => {
    render(tree());
    const request = await firstRequest();
    expect(request.url).toBe('/api/tenants/acme-prod/usage');
    // Last minute = the newest six buckets (210); the minute before = the six before (60).
    const recent = [10, 10, 10, 10, 10, 10, 10, 20, 30, 40, 50, 60];
    await answer(request, usage('acme-prod', recent, { 3: 2, 88: 1 }));

    const summary = await screen.findByText(/requests in the last minute/);
    expect(summary.textContent).toBe('210 requests in the last minute of 300/min (70%)');
    expect(screen.getByText('3 answered 429 (rate limited) in the last 15 minutes.')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Upstream requests per minute, last 15 minutes: latest 210, highest 210, limit 300.',
    );
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toHaveLength(16);
    expect(rows.slice(-2)).toEqual(['1 min earlier60', 'Last minute210']);
    expect(screen.getByText('limit 300/min')).toBeTruthy();
  });

  it('drops a payload that names another tenant: nothing of it is rendered', async () => {
    render(tree());
    const request = await firstRequest();
    await answer(request, usage('globex-eu', [123, 123, 123, 123, 123, 123]));
    expect(screen.queryByText(/requests in the last minute/)).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByLabelText('Loading rate-budget use')).toBeTruthy();
  });

  it('renders nothing when the inner usage belongs to another tenant', async () => {
    const { container } = render(tree());
    const request = await firstRequest();
    const forged = usage('acme-prod', [5]);
    forged.data.tenantId = 'globex-eu';
    await answer(request, forged);
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(container.querySelector('[data-tenant-id="globex-eu"]')).toBeNull();
  });

  it('refreshes on its timer and shows the newer numbers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(tree());
    await act(async () => {
      await Promise.resolve();
    });
    expect(pending).toHaveLength(1);
    await answer(pending[0]!, usage('acme-prod', [1, 1, 1, 1, 1, 1]));
    expect(screen.getByText(/requests in the last minute/).textContent).toContain('6 requests');
    await act(async () => {
      vi.advanceTimersByTime(USAGE_REFRESH_MS);
      await Promise.resolve();
    });
    expect(pending).toHaveLength(2);
    await answer(pending[1]!, usage('acme-prod', [50, 50, 50, 50, 50, 50]));
    expect(screen.getByText(/requests in the last minute/).textContent).toContain('300 requests');
  });

  it('shows the error with its request id and retries on demand', async () => {
    render(tree());
    const request = await firstRequest();
    await answer(
      request,
      { error: { code: 'tenant_unavailable', message: 'Tenant is unavailable.', requestId: 'req-123' } },
      503,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Tenant is unavailable.');
    expect(screen.getByText('req-123')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(pending).toHaveLength(2));
  });

  it('a 429 says how long Genesys Cloud asked to wait (the Retry-After the portal passed on)', async () => {
    const body = { error: { code: 'rate_limited', message: 'Rate limit reached.', requestId: 'req-429' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json(body, { status: 429, headers: { 'Retry-After': '20' } }))),
    );
    render(tree());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Genesys Cloud asks to wait 20 s before retrying.');
    expect(alert.textContent).toContain('req-429');
  });

  it('aborts its request on unmount', async () => {
    const view = render(tree());
    const request = await firstRequest();
    view.unmount();
    expect(request.signal.aborted).toBe(true);
  });
});
