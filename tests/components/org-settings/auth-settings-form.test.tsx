// @vitest-environment happy-dom
// The authentication section: list changes in the diff, per-line messages, and the values the
// change was made from sent along (the route's conflict check), with its 409 view.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuthSettingsForm } from '@/components/org-settings/auth-settings-form';
import type { AuthSettings } from '@/lib/genesys/schemas/organization';
import { failure, ok, renderFor, stubFetch } from './support';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const TENANT = 'acme-sandbox';
const SETTINGS: AuthSettings = {
  multifactorAuthenticationRequired: false,
  domainAllowlistEnabled: true,
  domainAllowlist: ['acme.example', 'corp.example'],
  ipAddressAllowlist: ['203.0.113.7'],
  passwordRequirements: { minimumLength: 8, minimumDigits: 1, expirationDays: 90 },
};

const sent = stubFetch();

function setup() {
  renderFor(
    TENANT,
    <AuthSettingsForm
      tenantId={TENANT}
      tenant={{ displayName: 'Acme Corp (sandbox)', production: false }}
      settings={SETTINGS}
    />,
  );
  return userEvent.setup();
}

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea' });
const dialog = () => screen.getByRole('dialog');

describe('AuthSettingsForm', () => {
  it('a per-line message on a list and a message on a number, nothing sent', async () => {
    const user = setup();
    await user.type(field('IP address allowlist'), '\n10.0.0.300');
    await user.clear(field('Minimum length'));
    await user.type(field('Minimum length'), 'twelve');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(
      screen.getByText('Line 2 (10.0.0.300): Use an IP address or a CIDR range such as 203.0.113.0/24.'),
    ).toBeTruthy();
    expect(screen.getByText('Enter a whole number.')).toBeTruthy();
    expect(document.activeElement).toBe(field('IP address allowlist'));
    expect(sent).toHaveLength(0);
  });

  it('the diff shows list entries added and removed; the PATCH carries the change and what it was made from', async () => {
    const user = setup();
    await user.clear(field('Domain allowlist'));
    await user.type(field('Domain allowlist'), 'acme.example\nnew.example');
    await user.click(screen.getByLabelText('Multi-factor authentication required'));
    await user.clear(field('Minimum length'));
    await user.type(field('Minimum length'), '12');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));

    const rows = within(dialog()).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Multi-factor authentication requiredOff→On',
      'Domain allowlistAdded: new.exampleRemoved: corp.example2 entries after saving',
      'Minimum length8→12',
    ]);
    await user.click(within(dialog()).getByRole('button', { name: 'Save 3 changes' }));
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      [
        'PATCH',
        `/api/tenants/${TENANT}/authentication-settings`,
        {
          multifactorAuthenticationRequired: true,
          domainAllowlist: ['acme.example', 'new.example'],
          // The whole object: the values it started from plus the edit (merge is UNVERIFIED).
          passwordRequirements: { minimumLength: 12, minimumDigits: 1, expirationDays: 90 },
          expected: {
            multifactorAuthenticationRequired: false,
            domainAllowlist: ['acme.example', 'corp.example'],
            passwordRequirements: { minimumLength: 8, minimumDigits: 1, expirationDays: 90 },
          },
        },
      ],
    ]);
    const saved = {
      ...SETTINGS,
      multifactorAuthenticationRequired: true,
      domainAllowlist: ['acme.example', 'new.example'],
      passwordRequirements: { ...SETTINGS.passwordRequirements, minimumLength: 12 },
    };
    await sent[0]!.respond(200, ok(TENANT, saved));
    expect((await screen.findByRole('status')).textContent).toContain(
      '3 changes saved to the authentication settings.',
    );
  });

  it('a 409 (someone changed the allowlist meanwhile) shows their list beside mine', async () => {
    const user = setup();
    await user.type(field('IP address allowlist'), '\n198.51.100.0/24');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    await sent[0]!.respond(409, failure('conflict', 'Someone changed the authentication settings meanwhile.'));
    expect(sent[1]).toMatchObject({ method: 'GET', url: `/api/tenants/${TENANT}/authentication-settings` });
    await sent[1]!.respond(200, ok(TENANT, { ...SETTINGS, ipAddressAllowlist: ['203.0.113.7', '192.0.2.1'] }));
    const panel = await screen.findByRole('alert', { name: /someone changed this meanwhile/i });
    const row = within(panel).getByRole('row', { name: /IP address allowlist/ });
    expect(row.getAttribute('data-both')).toBe('true');
    expect(row.textContent).toContain('203.0.113.7, 192.0.2.1');
    expect(row.textContent).toContain('203.0.113.7, 198.51.100.0/24');
  });

  it('a 409 carrying the current settings: shown from the answer, nothing read again', async () => {
    const user = setup();
    await user.clear(field('Minimum digits'));
    await user.type(field('Minimum digits'), '3');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    const current = { ...SETTINGS, passwordRequirements: { ...SETTINGS.passwordRequirements, minimumDigits: 2 } };
    await sent[0]!.respond(
      409,
      failure('conflict', 'Someone changed the authentication settings meanwhile.', {
        current,
        stale: ['passwordRequirements.minimumDigits'],
      }),
    );
    const panel = await screen.findByRole('alert', { name: /someone changed this meanwhile/i });
    expect(sent).toHaveLength(1);
    const row = within(panel).getByRole('row', { name: /Minimum digits/ });
    expect(row.textContent).toBe('Minimum digitsChanged by both123');
  });
});
