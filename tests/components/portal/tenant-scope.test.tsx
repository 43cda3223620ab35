// @vitest-environment happy-dom
// Banner and page always agree: a page rendered for another tenant than the banner's is hidden
// and refreshed, and a switch in another tab refreshes this one.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { CrossTabTenantSync } from '@/components/portal/cross-tab-tenant-sync';
import { TenantScope } from '@/components/portal/tenant-scope';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

afterEach(() => {
  cleanup();
  refresh.mockClear();
});

describe('TenantScope', () => {
  it('shows the page when it was rendered for the banner tenant', () => {
    render(
      <ActiveTenantProvider activeTenantId="acme">
        <TenantScope tenantId="acme">
          <p>acme data</p>
        </TenantScope>
      </ActiveTenantProvider>,
    );
    expect(screen.getByText('acme data')).toBeTruthy();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('hides a page rendered for another tenant and refreshes from the server', () => {
    render(
      <ActiveTenantProvider activeTenantId="acme">
        <TenantScope tenantId="globex">
          <p>globex data</p>
        </TenantScope>
      </ActiveTenantProvider>,
    );
    expect(screen.queryByText('globex data')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('changed in another tab');
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('CrossTabTenantSync', () => {
  const otherTab = () => new BroadcastChannel('portal-active-tenant');
  const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));

  it('refreshes when another tab announces another tenant, not when it announces the same', async () => {
    const tab = otherTab();
    render(
      <ActiveTenantProvider activeTenantId="acme">
        <CrossTabTenantSync />
      </ActiveTenantProvider>,
    );
    tab.postMessage({ tenantId: 'acme' });
    await tick();
    expect(refresh).not.toHaveBeenCalled();
    tab.postMessage({ tenantId: 'globex' });
    await tick();
    expect(refresh).toHaveBeenCalledTimes(1);
    tab.close();
  });

  it('announces the tenant this tab now shows', async () => {
    const tab = otherTab();
    const heard: unknown[] = [];
    tab.onmessage = (event: MessageEvent) => heard.push(event.data);
    render(
      <ActiveTenantProvider activeTenantId="globex">
        <CrossTabTenantSync />
      </ActiveTenantProvider>,
    );
    await tick();
    expect(heard).toEqual([{ tenantId: 'globex' }]);
    tab.close();
  });
});
