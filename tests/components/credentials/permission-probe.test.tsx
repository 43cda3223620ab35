// @vitest-environment happy-dom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PermissionProbe } from '@/components/credentials/permission-probe';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import type { PermissionProbeResult } from '@/lib/credentials/types';
import { stubPendingFetch } from '@/tests/support/pending-fetch';
import { SwitchHandle, switchTo } from '@/tests/support/switch-handle';

const pending = stubPendingFetch();

/** Settles a pending request inside act, letting its promise chain run before asserting. */
const answer = (settle: () => void) =>
  act(async () => {
    settle();
    await Promise.resolve();
  });

const tree = () => (
  <ActiveTenantProvider activeTenantId="acme-prod">
    <SwitchHandle />
    <PermissionProbe tenantId="globex-eu" displayName="Globex" />
  </ActiveTenantProvider>
);

const probe: PermissionProbeResult = {
  probedAt: Date.UTC(2025, 0, 1),
  token: { ok: true, expiresAt: Date.UTC(2025, 0, 2) },
  binding: 'ok',
  features: [
    { id: 'organization', label: 'Organization overview', state: 'ok' },
    { id: 'roles', label: 'Roles', state: 'missing', missingPermissions: ['authorization:role:view'] },
  ],
};

describe('PermissionProbe', () => {
  it('asks nothing until the button is pressed, then shows the probe', async () => {
    render(tree());
    expect(pending).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Probe permissions' }));
    expect(pending.map((p) => p.url)).toEqual(['/api/tenants/globex-eu/credentials']);
    const busy = screen.getByRole('button', { name: 'Probing…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    await userEvent.click(busy); // pressing again while probing starts nothing
    expect(pending).toHaveLength(1);

    await answer(() => pending[0]!.resolve({ tenantId: 'globex-eu', data: probe }));
    expect(await screen.findByText('1 of 2 features usable')).toBeTruthy();
    expect(screen.getByText('authorization:role:view')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Probe again' })).toBeTruthy();
  });

  it('drops an answer about another tenant', async () => {
    render(tree());
    await userEvent.click(screen.getByRole('button', { name: 'Probe permissions' }));
    await answer(() => pending[0]!.resolve({ tenantId: 'acme-prod', data: probe }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Probe permissions' })).toBeTruthy());
    expect(screen.queryByText(/features usable/)).toBeNull();
  });

  it('shows the portal error with its request id and a retry', async () => {
    render(tree());
    await userEvent.click(screen.getByRole('button', { name: 'Probe permissions' }));
    await answer(() =>
      pending[0]!.resolve(
        {
          error: {
            code: 'rate_limited',
            message: 'Genesys Cloud rate limit reached; retry later.',
            requestId: 'req-42',
          },
        },
        429,
      ),
    );
    expect(await screen.findByText('The probe failed')).toBeTruthy();
    expect(screen.getByText('req-42')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(pending).toHaveLength(2);
  });

  it('is aborted when a tenant switch starts', async () => {
    render(tree());
    await userEvent.click(screen.getByRole('button', { name: 'Probe permissions' }));
    act(() => switchTo('globex-eu'));
    expect(pending[0]!.signal.aborted).toBe(true);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Probe permissions' })).toBeTruthy());
  });
});
