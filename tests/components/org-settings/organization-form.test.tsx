// @vitest-environment happy-dom
// The organization section as a user drives it: messages next to fields, the diff, the
// production confirm, a 409 with their values beside mine and the re-apply, and failures.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OrganizationForm } from '@/components/org-settings/organization-form';
import { useActiveTenant } from '@/components/portal/active-tenant';
import type { Organization } from '@/lib/genesys/schemas/organization';
import { escapeClosesDialogs, failure, ok, renderFor, stubFetch } from './support';
import { ORGANIZATION_FIXTURE } from '@/tests/support/organization-fixture';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const TENANT = 'acme-prod';
const URL = `/api/tenants/${TENANT}/organization`;
const ORG: Organization = { ...ORGANIZATION_FIXTURE, productPlatform: 'GenesysCloud' };

const WRITABLE = {
  name: ORG.name,
  defaultLanguage: ORG.defaultLanguage,
  defaultCountryCode: ORG.defaultCountryCode,
  thirdPartyURI: ORG.thirdPartyURI,
  domain: ORG.domain,
  supportURI: ORG.supportURI,
  defaultSiteId: ORG.defaultSiteId,
  voicemailEnabled: ORG.voicemailEnabled,
};

function SwitchButton() {
  const { beginSwitch } = useActiveTenant();
  return (
    <button type="button" onClick={() => beginSwitch('globex-eu')}>
      switch
    </button>
  );
}

const sent = stubFetch();
escapeClosesDialogs();

function setup(production = false) {
  refresh.mockClear();
  renderFor(
    TENANT,
    <OrganizationForm tenantId={TENANT} tenant={{ displayName: 'Acme Corp', production }} organization={ORG} />,
  );
  return userEvent.setup();
}

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea' });
const dialog = () => screen.getByRole('dialog');
const diffRows = () =>
  within(dialog())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);

async function edit(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  await user.clear(field(label));
  if (value) await user.type(field(label), value);
}

describe('OrganizationForm', () => {
  it('shows read-only fields without inputs', () => {
    setup();
    const readOnly = screen.getByLabelText('Read-only fields');
    expect(within(readOnly).getByText('acmecorp')).toBeTruthy();
    expect(within(readOnly).getByText('12')).toBeTruthy();
    expect(screen.queryByLabelText('Short name', { selector: 'input' })).toBeNull();
  });

  it('invalid fields: the message is next to each, announced with it, focus on the first; nothing sent', async () => {
    const user = setup();
    await edit(user, 'Name', '');
    await edit(user, 'Default country code', 'USA');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));

    const name = field('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = name.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Enter a name.');
    expect(field('Default country code').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use a two-letter country code such as US.')).toBeTruthy();
    expect(field('Domain').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(name);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toHaveLength(0);

    // Fixing a field clears its message as the user types.
    await user.type(name, 'Acme');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Enter a name.')).toBeNull();
  });

  it('the diff lists exactly the changed fields, old → new; saving sends every writable field and the version', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme Renamed');
    await user.click(screen.getByLabelText('Voicemail'));
    await edit(user, 'Default country code', 'us'); // normalises back to US: not a change
    await user.click(screen.getByRole('button', { name: 'Review changes' }));

    expect(diffRows()).toEqual(['NameAcme Corp→Acme Renamed', 'VoicemailOn→Off']);
    expect(document.activeElement?.textContent).toBe('Review organization changes');
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));

    // Start values + edits, never a read-only field: whether Genesys merges a partial PUT is UNVERIFIED.
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['PUT', URL, { version: 12, ...WRITABLE, name: 'Acme Renamed', voicemailEnabled: false }],
    ]);
    expect(sent[0]!.headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
    await sent[0]!.respond(200, ok(TENANT, { ...ORG, name: 'Acme Renamed', voicemailEnabled: false, version: 13 }));

    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('2 changes saved to the organization; it is now at version 13.');
    expect(status.textContent).toContain(sent[0]!.headers['X-Request-Id']);
    expect(document.activeElement?.contains(status)).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(within(screen.getByLabelText('Read-only fields')).getByText('13')).toBeTruthy();
  });

  it('a production tenant: the save stays disabled until its name is typed exactly', async () => {
    const user = setup(true);
    await edit(user, 'Support URI', 'https://help.acme.example');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const confirm = within(dialog()).getByLabelText(/This is a production tenant/);
    expect(document.activeElement).toBe(confirm);
    const save = within(dialog()).getByRole('button', { name: 'Save 1 change' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(confirm, 'acme corp');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(sent).toHaveLength(0);
    await user.clear(confirm);
    await user.type(confirm, 'Acme Corp');
    expect((save as HTMLButtonElement).disabled).toBe(false);
    await user.click(save);
    expect(sent).toHaveLength(1);
  });

  it('Escape cancels the review: nothing sent, the edit kept', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme X');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toHaveLength(0);
    expect((field('Name') as HTMLInputElement).value).toBe('Acme X');
  });

  it('a second confirm or review while saving sends nothing more', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme Once');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    const busy = screen.getByRole('button', { name: 'Saving…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await user.click(busy);
    await user.click(busy);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toHaveLength(1);
    await sent[0]!.respond(200, ok(TENANT, { ...ORG, name: 'Acme Once', version: 13 }));
    expect(sent).toHaveLength(1);
  });

  it('409 without their org in the answer: read, their values beside mine (both-changed marked), re-applied', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme (mine)');
    await edit(user, 'Domain', 'mine.example');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));
    await sent[0]!.respond(409, failure('conflict', 'Someone changed this in Genesys Cloud meanwhile.'));

    // The editor reads their version before showing anything.
    expect(sent[1]).toMatchObject({ method: 'GET', url: URL });
    const theirs = { ...ORG, name: 'Acme (theirs)', supportURI: 'help@acme.example', version: 13 };
    await sent[1]!.respond(200, ok(TENANT, theirs));

    const panel = await screen.findByRole('alert', { name: /someone changed this meanwhile/i });
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows.map((row) => [row.getAttribute('data-field'), row.getAttribute('data-both'), row.textContent])).toEqual(
      [
        ['name', 'true', 'NameChanged by bothAcme CorpAcme (theirs)Acme (mine)'],
        ['domain', null, 'Domainacme.exampleunchangedmine.example'],
        ['supportURI', null, 'Support URIsupport@acme.examplehelp@acme.exampleunchanged'],
      ],
    );
    expect(document.activeElement?.textContent).toBe('Not saved: someone changed this meanwhile');

    await user.click(within(panel).getByRole('button', { name: 'Re-apply my changes onto the new version' }));
    expect(diffRows()).toEqual([
      'NameSomeone else changed this tooAcme (theirs)→Acme (mine)',
      'Domainacme.example→mine.example',
    ]);
    await user.click(within(dialog()).getByRole('button', { name: 'Save 2 changes' }));
    expect(sent[2]).toMatchObject({ method: 'PUT' });
    expect(sent[2]!.body).toEqual({
      version: 13,
      ...WRITABLE,
      name: 'Acme (mine)',
      domain: 'mine.example',
      supportURI: 'help@acme.example',
    });
  });

  it('409 after a feature switch (only the version moved): said plainly, re-applied onto the new version', async () => {
    const user = setup();
    await edit(user, 'Default language', 'en-GB');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    const current = { ...ORG, features: { chat: false }, version: 13 };
    await sent[0]!.respond(
      409,
      failure('conflict', 'Someone changed this in Genesys Cloud meanwhile.', { currentVersion: 13, current }),
    );

    // Their org came with the 409: nothing is read again.
    const panel = await screen.findByRole('alert', { name: /someone changed this meanwhile/i });
    expect(sent).toHaveLength(1);
    expect(panel.textContent).toContain(
      "The organization's version changed (for example a feature was switched) but none of your fields were " +
        'changed meanwhile — re-apply to save onto the new version.',
    );
    expect(panel.textContent).not.toContain('Compare their values with yours');
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Default languageenunchangeden-GB']);

    await user.click(within(panel).getByRole('button', { name: 'Re-apply my changes onto the new version' }));
    expect(diffRows()).toEqual(['Default languageen→en-GB']);
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    expect(sent[1]!.body).toEqual({ version: 13, ...WRITABLE, defaultLanguage: 'en-GB' });
  });

  it('409 whose org is not in a known shape: read again rather than trusted', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme (mine)');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    await sent[0]!.respond(409, failure('conflict', 'Conflict.', { current: { name: 'no id, no version' } }));
    expect(sent[1]).toMatchObject({ method: 'GET', url: URL });
    await sent[1]!.respond(200, ok(TENANT, { ...ORG, name: 'Acme (theirs)', version: 13 }));
    const panel = await screen.findByRole('alert', { name: /someone changed this meanwhile/i });
    expect(panel.textContent).toContain('Compare their values with yours; 1 field changed on both sides are marked');
  });

  it('409, keeping theirs: nothing sent, the form shows their values', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme (mine)');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    await sent[0]!.respond(409, failure('conflict', 'Someone changed this in Genesys Cloud meanwhile.'));
    await sent[1]!.respond(200, ok(TENANT, { ...ORG, name: 'Acme (theirs)', version: 13 }));
    await user.click(await screen.findByRole('button', { name: 'Discard mine, keep theirs' }));
    expect((field('Name') as HTMLInputElement).value).toBe('Acme (theirs)');
    expect(sent).toHaveLength(2);
  });

  it('403: not saved, the missing permission named and where to grant it', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme Denied');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    await sent[0]!.respond(
      403,
      failure('upstream_forbidden', 'Unable to perform the requested action.', {
        missingPermissions: ['directory:organization:admin'],
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(within(alert).getByText('directory:organization:admin').tagName).toBe('CODE');
    expect(alert.textContent).toContain('Admin > Roles / Permissions');
    expect(alert.textContent).toContain('req-failed-1');
    expect((field('Name') as HTMLInputElement).value).toBe('Acme Denied');
  });

  it('429: says how long to wait; Retry opens the review again', async () => {
    const user = setup();
    await edit(user, 'Name', 'Acme Later');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    await sent[0]!.respond(429, failure('rate_limited', 'Genesys Cloud rate limit reached; retry later.'), {
      'Retry-After': '30',
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Genesys Cloud asks to wait 30 s before retrying.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(diffRows()).toEqual(['NameAcme Corp→Acme Later']);
  });

  it('an upstream rejection naming a field shows next to that field', async () => {
    const user = setup();
    await edit(user, 'Domain', 'acme2.example');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    const message =
      'Value [acme2.example] is not valid for field type [domain]. Allowable values are: a verified domain';
    await sent[0]!.respond(422, failure('upstream_rejected', message));
    await waitFor(() => expect(field('Domain').getAttribute('aria-invalid')).toBe('true'));
    const describedBy = field('Domain').getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(message);
    expect(screen.getByText('1 field needs a correction; the message is next to it.')).toBeTruthy();
  });

  it('a tenant switch aborts the save in flight and says it may have reached Genesys', async () => {
    refresh.mockClear();
    renderFor(
      TENANT,
      <>
        <SwitchButton />
        <OrganizationForm
          tenantId={TENANT}
          tenant={{ displayName: 'Acme Corp', production: false }}
          organization={ORG}
        />
      </>,
    );
    const user = userEvent.setup();
    await edit(user, 'Name', 'Acme Switch');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save 1 change' }));
    expect(sent[0]!.signal.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'switch' }));
    expect(sent[0]!.signal.aborted).toBe(true);
    expect((await screen.findByRole('status')).textContent).toContain('interrupted by a tenant switch');
    expect(refresh).not.toHaveBeenCalled();
  });
});
