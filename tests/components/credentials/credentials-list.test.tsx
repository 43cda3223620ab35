// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialsList } from '@/components/credentials/credentials-list';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import type { TenantCredentialView } from '@/lib/credentials/types';

afterEach(cleanup);

const NOW = Date.UTC(2025, 2, 1, 12, 0);
const HOUR = 3_600_000;

function view(overrides: Partial<TenantCredentialView> & Pick<TenantCredentialView, 'tenantId'>): TenantCredentialView {
  return {
    displayName: overrides.tenantId,
    environment: 'sandbox',
    region: 'mypurecloud.ie',
    orgId: `org-${overrides.tenantId}`,
    clientIdHint: '…beef',
    token: { lastAt: NOW - HOUR, expiresAt: NOW + 20 * HOUR },
    binding: { state: 'ok', at: NOW - HOUR },
    rotation: { intervalMs: 7 * 24 * HOUR, dueAt: NOW + 24 * HOUR },
    lastError: null,
    breaker: 'closed',
    health: 'healthy',
    reasons: [],
    ...overrides,
  };
}

const TENANTS = [
  view({
    tenantId: 'globex-eu',
    displayName: 'Globex EU',
    health: 'failing',
    reasons: ['The credentials are bound to another organization (org-other)'],
    binding: { state: 'mismatch', at: NOW - 60_000, reportedOrgId: 'org-other' },
    lastError: {
      code: 'tenant_binding_mismatch',
      message: 'The credentials belong to another organization',
      at: NOW - 60_000,
      recovered: false,
    },
  }),
  view({
    tenantId: 'acme-prod',
    displayName: 'Acme Prod',
    environment: 'production',
    health: 'attention',
    reasons: ['The scheduled credential re-read is overdue'],
    rotation: { intervalMs: 30 * 24 * HOUR, dueAt: NOW - 2 * HOUR },
  }),
  view({
    tenantId: 'initech-apac',
    displayName: 'Initech',
    health: 'unused',
    reasons: ['No token has been requested by this portal instance yet'],
    token: { lastAt: null, expiresAt: null },
    binding: { state: 'not-checked', at: null },
    rotation: null,
  }),
  view({
    tenantId: 'stark-uk',
    displayName: 'Stark UK',
    lastError: { code: 'credentials_invalid', message: 'Rejected', at: NOW - 3 * HOUR, recovered: true },
  }),
];

const renderList = (rotate = true) =>
  render(
    <ActiveTenantProvider activeTenantId="acme-prod">
      <main>
        <CredentialsList
          tenants={TENANTS}
          source={{ kind: 'file', label: 'tenants.json' }}
          now={NOW}
          rotateAction={rotate ? vi.fn() : undefined}
        />
      </main>
    </ActiveTenantProvider>,
  );

const card = (name: string) => screen.getByRole('region', { name });

describe('CredentialsList', () => {
  it('renders one card per tenant, tagged with its tenant id', () => {
    renderList();
    const cards = document.querySelectorAll('main [data-tenant-id]');
    expect([...cards].map((c) => c.getAttribute('data-tenant-id'))).toEqual(TENANTS.map((t) => t.tenantId));
    expect(screen.getByLabelText('Tenants by credential health').textContent).toMatch(/4 tenants/);
  });

  it('shows each fact in words: binding, token, rotation, last error, source', () => {
    renderList();
    const globex = card('Globex EU');
    expect(within(globex).getByText('Failing')).toBeTruthy();
    expect(within(globex).getByText('Mismatch')).toBeTruthy();
    expect(within(globex).getAllByText('org-other').length).toBeGreaterThan(0);
    expect(globex.textContent).toContain('token reports org org-other, expected org-globex-eu');
    expect(within(globex).getByText('Current')).toBeTruthy();
    expect(within(globex).getByText('tenant_binding_mismatch')).toBeTruthy();
    expect(within(globex).getByText('tenants.json')).toBeTruthy();
    expect(within(globex).getByText('…beef')).toBeTruthy();

    const acme = card('Acme Prod');
    expect(within(acme).getByText('Needs attention')).toBeTruthy();
    expect(within(acme).getByText('Overdue')).toBeTruthy();
    expect(within(acme).getByText('The scheduled credential re-read is overdue')).toBeTruthy();
    const due = within(acme)
      .getByText(/2 h ago/)
      .closest('time')!;
    expect(due.getAttribute('datetime')).toBe(new Date(NOW - 2 * HOUR).toISOString());

    const initech = card('Initech');
    expect(within(initech).getByText('Not used yet')).toBeTruthy();
    expect(within(initech).getByText('Not checked yet')).toBeTruthy();
    expect(within(initech).getByText('None requested by this instance yet')).toBeTruthy();
    expect(within(initech).getByText('No scheduled re-read')).toBeTruthy();

    const stark = card('Stark UK');
    expect(within(stark).getByText('Healthy')).toBeTruthy();
    expect(within(stark).getByText('Recovered')).toBeTruthy();
    expect(within(stark).getByText('Bound')).toBeTruthy();
    expect(within(stark).getByText(/in 20 h/)).toBeTruthy();
  });

  it('without the other org id (a user not granted every tenant) says only "another organization"', () => {
    const mismatch = TENANTS[0]!;
    render(
      <ActiveTenantProvider activeTenantId="acme-prod">
        <CredentialsList
          tenants={[
            {
              ...mismatch,
              binding: { state: 'mismatch', at: NOW - 60_000 },
              reasons: ['The credentials are bound to another organization'],
            },
          ]}
          source={{ kind: 'file', label: 'tenants.json' }}
          now={NOW}
        />
      </ActiveTenantProvider>,
    );
    const globex = card('Globex EU');
    expect(within(globex).getByText('Mismatch')).toBeTruthy();
    expect(globex.textContent).toContain('bound to another organization, expected org-globex-eu');
    expect(globex.textContent).not.toContain('org-other');
    expect(globex.textContent).not.toContain('unknown');
  });

  it('offers rotation only when an action is given', () => {
    renderList(false);
    expect(screen.queryByRole('button', { name: 'Rotate now' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Probe permissions' })).toHaveLength(4);
    cleanup();
    renderList(true);
    expect(screen.getAllByRole('button', { name: 'Rotate now' })).toHaveLength(4);
  });

  it('filters by text and by health', async () => {
    renderList();
    await userEvent.type(screen.getByLabelText('Filter tenants'), 'acme');
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('data-tenant-id'))).toEqual(['acme-prod']);
    await userEvent.clear(screen.getByLabelText('Filter tenants'));
    await userEvent.click(screen.getByRole('checkbox'));
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('data-tenant-id'))).toEqual([
      'globex-eu',
      'acme-prod',
    ]);
    await userEvent.type(screen.getByLabelText('Filter tenants'), 'nothing-like-this');
    expect(screen.getByText('No tenant matches')).toBeTruthy();
    expect(screen.getByText('0 of 4 tenants shown')).toBeTruthy();
  });
});
