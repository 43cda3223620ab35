// @vitest-environment happy-dom
// The client half of "never the wrong tenant on screen": payloads of another tenant are dropped,
// and a tenant switch aborts whatever was still in flight.
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActiveTenantProvider, useActiveTenant } from '@/components/portal/active-tenant';
import { useTenantJson } from '@/components/portal/use-tenant-json';
import { answer, stubPendingFetch } from '@/tests/support/pending-fetch';

interface Payload {
  tenantId: string;
  value: string;
}

function Probe({ url }: { url: string }) {
  const state = useTenantJson<Payload>(url);
  if (state.status === 'loading') return <p>loading</p>;
  if (state.status === 'error') return <p>error {state.error.message}</p>;
  return <p>value {state.data.value}</p>;
}

function SwitchButton() {
  const { beginSwitch } = useActiveTenant();
  return (
    <button type="button" onClick={() => beginSwitch('globex')}>
      switch
    </button>
  );
}

const pending = stubPendingFetch();

const tree = (tenant: string, url: string) => (
  <ActiveTenantProvider activeTenantId={tenant}>
    <SwitchButton />
    <Probe url={url} />
  </ActiveTenantProvider>
);

describe('useTenantJson', () => {
  it('renders a payload of the active tenant', async () => {
    render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() => pending[0]!.resolve({ tenantId: 'acme', value: 'A' }));
    expect(await screen.findByText('value A')).toBeTruthy();
  });

  it('drops a payload that names another tenant', async () => {
    render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() => pending[0]!.resolve({ tenantId: 'globex', value: 'G' }));
    expect(screen.queryByText(/value/)).toBeNull();
    expect(screen.getByText('loading')).toBeTruthy();
  });

  it('shows the portal error message', async () => {
    render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() =>
      pending[0]!.resolve({ error: { code: 'upstream_forbidden', message: 'Missing x:y:view', requestId: 'r1' } }, 403),
    );
    expect(await screen.findByText('error Missing x:y:view')).toBeTruthy();
  });

  it('aborts the in-flight request when a switch starts, and never renders its late answer', async () => {
    render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    const first = pending[0]!;
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(first.signal.aborted).toBe(true);
    await answer(() => first.resolve({ tenantId: 'acme', value: 'late' }));
    expect(screen.queryByText('value late')).toBeNull();
  });

  it('on a new active tenant: old data disappears at once, the old request is aborted, the new one renders', async () => {
    const view = render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(() => pending[0]!.resolve({ tenantId: 'acme', value: 'A' }));
    await screen.findByText('value A');

    view.rerender(tree('globex', '/api/tenants/globex/x'));
    expect(screen.queryByText('value A')).toBeNull();
    await waitFor(() => expect(pending.some((p) => p.url === '/api/tenants/globex/x' && !p.signal.aborted)).toBe(true));
    const next = pending.find((p) => p.url === '/api/tenants/globex/x' && !p.signal.aborted)!;
    await answer(() => next.resolve({ tenantId: 'globex', value: 'G' }));
    expect(await screen.findByText('value G')).toBeTruthy();
  });

  it('aborts on unmount', async () => {
    const view = render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    view.unmount();
    expect(pending[0]!.signal.aborted).toBe(true);
  });
});
