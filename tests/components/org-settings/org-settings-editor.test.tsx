// @vitest-environment happy-dom
// The editor's layout: three sections, each naming its tenant; one that could not load says why
// (e.g. the auth settings of a client without directory:organization:admin) and the rest work.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OrgSettingsEditor } from '@/components/org-settings/org-settings-editor';
import { renderFor, stubFetch } from './support';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));
stubFetch();

const TENANT = 'stark-uk';
const ORG = { id: 'o-1', name: 'Stark UK', version: 4, features: { chat: true } };

describe('OrgSettingsEditor', () => {
  it('every section root carries the tenant; a section that failed to load explains itself', () => {
    renderFor(
      TENANT,
      <OrgSettingsEditor
        tenantId={TENANT}
        tenant={{ displayName: 'Stark UK', production: false }}
        organization={{ ok: true, data: ORG }}
        authSettings={{
          ok: false,
          failure: {
            code: 'upstream_forbidden',
            message: 'Unable to perform the requested action.',
            requestId: 'req-9',
            missingPermissions: ['directory:organization:admin'],
          },
        }}
      />,
    );
    const sections = document.querySelectorAll('section');
    expect([...sections].map((s) => [s.getAttribute('aria-labelledby'), s.getAttribute('data-tenant-id')])).toEqual([
      ['settings-organization-title', TENANT],
      ['settings-features-title', TENANT],
      ['settings-authentication-title', TENANT],
    ]);
    const auth = screen.getByRole('region', { name: 'Authentication' });
    expect(within(auth).getByRole('alert').textContent).toContain('directory:organization:admin');
    expect(within(auth).queryByRole('button', { name: 'Review changes' })).toBeNull();
    const org = screen.getByRole('region', { name: 'Organization' });
    expect(within(org).getByLabelText<HTMLInputElement>('Name', { selector: 'input' }).value).toBe('Stark UK');
    expect(within(screen.getByRole('region', { name: 'Features' })).getByLabelText('chat')).toBeTruthy();
  });
});
