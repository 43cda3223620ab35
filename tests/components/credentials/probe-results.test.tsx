// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProbeResults } from '@/components/credentials/probe-results';
import type { PermissionProbeResult } from '@/lib/credentials/types';

afterEach(cleanup);

const AT = Date.UTC(2025, 2, 1, 9, 30);

const result: PermissionProbeResult = {
  probedAt: AT,
  token: { ok: true, expiresAt: AT + 3_600_000 },
  binding: 'ok',
  features: [
    { id: 'organization', label: 'Organization overview', state: 'ok' },
    {
      id: 'org-settings',
      label: 'Edit organization',
      state: 'missing',
      missingPermissions: ['directory:organization:admin'],
    },
    { id: 'roles', label: 'Roles', state: 'missing', missingPermissions: [] },
    { id: 'queues', label: 'Queues', state: 'unknown', reason: '503 service.unavailable' },
  ],
};

const row = (label: string) => screen.getByRole('row', { name: new RegExp(label) });

describe('ProbeResults', () => {
  it('says per feature: usable, the missing permission, or that it could not be checked', () => {
    render(<ProbeResults result={result} displayName="Acme" />);
    expect(screen.getByText('1 of 4 features usable')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'What the OAuth client of Acme can do in the portal' })).toBeTruthy();
    expect(within(row('Organization overview')).getByText('Usable')).toBeTruthy();
    const settings = row('Edit organization');
    expect(within(settings).getByText('Missing permission')).toBeTruthy();
    expect(within(settings).getByText('directory:organization:admin').tagName).toBe('CODE');
    expect(within(row('Roles')).getByText('not named by Genesys Cloud')).toBeTruthy();
    expect(within(row('Queues')).getByText('Could not check')).toBeTruthy();
    expect(within(row('Queues')).getByText('503 service.unavailable')).toBeTruthy();
    expect(screen.getByText(/add the missing permission to a role/)).toBeTruthy();
    expect(screen.getByText('2025-03-01 09:30 UTC').getAttribute('datetime')).toBe(new Date(AT).toISOString());
  });

  it('explains that nothing was probed without a token', () => {
    render(
      <ProbeResults
        result={{ ...result, token: { ok: false, code: 'credentials_invalid', message: 'Rejected' }, features: [] }}
        displayName="Acme"
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('No token, so no feature could be checked')).toBeTruthy();
    expect(within(alert).getByText('Rejected (credentials_invalid)')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers no permission advice when everything is usable', () => {
    render(<ProbeResults result={{ ...result, features: result.features.slice(0, 1) }} displayName="Acme" />);
    expect(screen.getByText('1 of 1 features usable')).toBeTruthy();
    expect(screen.queryByText(/add the missing permission/)).toBeNull();
  });
});
