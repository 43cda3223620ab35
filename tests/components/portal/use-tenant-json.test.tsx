// @vitest-environment happy-dom
// The client half of "never the wrong tenant on screen": payloads of another tenant are dropped,
// and a tenant switch aborts whatever was still in flight.
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
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
  const { beginSwitch, cancelSwitch, switchingTo } = useActiveTenant();
  return (
    <>
      <button type="button" onClick={() => beginSwitch('globex')}>
        switch
      </button>
      <button type="button" onClick={cancelSwitch}>
        cancel
      </button>
      <p>switching to {switchingTo ?? 'none'}</p>
    </>
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

  it('fetches nothing for an explicit tenant that is not the active one', async () => {
    function Other() {
      const state = useTenantJson<Payload>('/api/tenants/globex/x', { tenantId: 'globex' });
      return <p>{state.status}</p>;
    }
    render(
      <ActiveTenantProvider activeTenantId="acme">
        <Other />
      </ActiveTenantProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pending).toHaveLength(0);
    expect(screen.getByText('loading')).toBeTruthy();
  });

  it('fetches nothing for the old tenant while a switch runs; a cancelled switch fetches again', async () => {
    render(tree('acme', '/api/tenants/acme/x'));
    await waitFor(() => expect(pending).toHaveLength(1));
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByText('switching to globex')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pending.filter((p) => !p.signal.aborted)).toHaveLength(0);

    act(() => screen.getByRole('button', { name: 'cancel' }).click());
    expect(screen.getByText('switching to none')).toBeTruthy();
    await waitFor(() => expect(pending.filter((p) => !p.signal.aborted)).toHaveLength(1));
  });

  it('forgets a finished switch: going back to the first tenant shows no "switching"', () => {
    const view = render(tree('acme', '/api/tenants/acme/x'));
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    view.rerender(tree('globex', '/api/tenants/globex/x'));
    expect(screen.getByText('switching to none')).toBeTruthy();
    view.rerender(tree('acme', '/api/tenants/acme/x'));
    expect(screen.getByText('switching to none')).toBeTruthy();
  });

  it('works under Strict Mode (effects run twice on mount in development)', async () => {
    render(<StrictMode>{tree('acme', '/api/tenants/acme/x')}</StrictMode>);
    await waitFor(() => expect(pending.some((p) => !p.signal.aborted)).toBe(true));
    const live = pending.find((p) => !p.signal.aborted)!;
    await answer(() => live.resolve({ tenantId: 'acme', value: 'strict' }));
    expect(await screen.findByText('value strict')).toBeTruthy();
  });
});
