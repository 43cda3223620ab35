// @vitest-environment happy-dom
// Features: one PATCH per switched feature, one after another; a failure stops the rest and the
// result names what was saved and what was not.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FeaturesForm } from '@/components/org-settings/features-form';
import { failure, ok, renderFor, stubFetch } from './support';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const TENANT = 'globex-eu';
const FEATURES = { purecloud: true, chat: false, informalPhotos: false, legacyThing: true };

const sent = stubFetch();

function setup(production = false) {
  refresh.mockClear();
  renderFor(
    TENANT,
    <FeaturesForm tenantId={TENANT} tenant={{ displayName: 'Globex Europe', production }} features={FEATURES} />,
  );
  return userEvent.setup();
}

const dialog = () => screen.getByRole('dialog');

describe('FeaturesForm', () => {
  it('an undocumented feature is shown but cannot be switched', () => {
    setup();
    const legacy = screen.getByLabelText<HTMLInputElement>('legacyThing');
    expect(legacy.checked).toBe(true);
    expect(legacy.disabled).toBe(true);
  });

  it('two switches: the diff lists both, then two PATCHes one after the other', async () => {
    const user = setup(true);
    await user.click(screen.getByLabelText('chat'));
    await user.click(screen.getByLabelText('informalPhotos'));
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const rows = within(dialog()).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['chatOff→On', 'informalPhotosOff→On']);
    await user.type(within(dialog()).getByLabelText(/This is a production tenant/), 'Globex Europe');
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));

    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['PATCH', `/api/tenants/${TENANT}/features/chat`, { enabled: true }],
    ]);
    await sent[0]!.respond(200, ok(TENANT, { ...FEATURES, chat: true }));
    expect(sent.map((r) => r.url)).toEqual([
      `/api/tenants/${TENANT}/features/chat`,
      `/api/tenants/${TENANT}/features/informalPhotos`,
    ]);
    await sent[1]!.respond(200, ok(TENANT, { ...FEATURES, chat: true, informalPhotos: true }));
    expect((await screen.findByRole('status')).textContent).toContain('Features saved: chat, informalPhotos.');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('the second fails (429): the first stays saved, the result names both and the wait', async () => {
    const user = setup();
    await user.click(screen.getByLabelText('chat'));
    await user.click(screen.getByLabelText('informalPhotos'));
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));
    await sent[0]!.respond(200, ok(TENANT, { ...FEATURES, chat: true }));
    await sent[1]!.respond(429, failure('rate_limited', 'Genesys Cloud rate limit reached; retry later.'), {
      'Retry-After': '12',
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Partly saved');
    expect(alert.textContent).toContain('Saved: chat. Not saved: informalPhotos.');
    expect(alert.textContent).toContain('wait 12 s');
    // What is left to save is the one that failed.
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      within(dialog())
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['informalPhotosOff→On']);
  });

  it('the first fails (403): nothing changed, the permission named, the rest not sent', async () => {
    const user = setup();
    await user.click(screen.getByLabelText('chat'));
    await user.click(screen.getByLabelText('informalPhotos'));
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));
    await sent[0]!.respond(
      403,
      failure('upstream_forbidden', 'Unable to perform the requested action.', {
        missingPermissions: ['directory:organization:admin'],
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(alert.textContent).toContain('directory:organization:admin');
    expect(sent).toHaveLength(1);
  });
});
