// The PUT the editor sends: exactly the changed fields, the version it started from, and the
// diff the user confirms.
import { describe, expect, it } from 'vitest';
import type { Organization } from '@/lib/genesys/schemas/organization';
import { planOrgUpdate, toOrgValues } from '@/lib/org-settings/organization';

const ORG: Organization = {
  id: '6ad2c9c0-6bd6-4a4c-9b1a-2f6f3f2d6a11',
  name: 'Acme Corp',
  version: 12,
  defaultLanguage: 'en',
  defaultCountryCode: 'US',
  thirdPartyOrgName: 'acmecorp',
  thirdPartyURI: 'https://acme.example',
  domain: 'acme.example',
  supportURI: 'support@acme.example',
  defaultSiteId: '3b1c2d4e-0000-4000-8000-000000000000',
  voicemailEnabled: true,
  features: { chat: true },
  state: 'active',
};
const base = toOrgValues(ORG);

describe('planOrgUpdate', () => {
  it('no change: an empty diff and a body with the version only', () => {
    expect(planOrgUpdate(12, base, { ...base })).toEqual({ ok: true, body: { version: 12 }, changes: [] });
  });

  it('sends only the changed fields, with the version the edit started from', () => {
    const plan = planOrgUpdate(12, base, { ...base, name: 'Acme Renamed', voicemailEnabled: false, supportURI: '' });
    expect(plan).toEqual({
      ok: true,
      body: { version: 12, name: 'Acme Renamed', supportURI: '', voicemailEnabled: false },
      changes: [
        { key: 'name', label: 'Name', kind: 'value', before: 'Acme Corp', after: 'Acme Renamed' },
        {
          key: 'supportURI',
          label: 'Support URI',
          kind: 'value',
          before: 'support@acme.example',
          after: '(empty)',
        },
        { key: 'voicemailEnabled', label: 'Voicemail', kind: 'value', before: 'On', after: 'Off' },
      ],
    });
  });

  it('what normalises back to the current value is not a change (spaces, case)', () => {
    const plan = planOrgUpdate(12, base, {
      ...base,
      name: ' Acme Corp ',
      defaultCountryCode: 'us',
      domain: 'ACME.example',
    });
    expect(plan).toEqual({ ok: true, body: { version: 12 }, changes: [] });
  });

  it('sends the normalised value when it does change', () => {
    const plan = planOrgUpdate(12, base, { ...base, defaultCountryCode: 'de' });
    expect(plan.ok && plan.body).toEqual({ version: 12, defaultCountryCode: 'DE' });
  });

  it('invalid fields: one message per field, no body', () => {
    expect(planOrgUpdate(12, base, { ...base, name: '', domain: 'nope', defaultLanguage: 'en' })).toEqual({
      ok: false,
      errors: { name: 'Enter a name.', domain: 'Use a domain name such as example.com.' },
    });
  });

  it('an unchanged invalid value already in Genesys is not validated (only what is sent is)', () => {
    const legacy = toOrgValues({ ...ORG, defaultSiteId: 'legacy-site' });
    expect(planOrgUpdate(12, legacy, { ...legacy, name: 'New' })).toMatchObject({
      ok: true,
      body: { version: 12, name: 'New' },
    });
  });

  it('absent optional fields read as empty and stay out of the body', () => {
    const bare = toOrgValues({ id: ORG.id, name: 'Bare', version: 1 });
    expect(bare).toMatchObject({ domain: '', supportURI: '', voicemailEnabled: false });
    expect(planOrgUpdate(1, bare, { ...bare })).toEqual({ ok: true, body: { version: 1 }, changes: [] });
    const plan = planOrgUpdate(1, bare, { ...bare, domain: 'bare.example' });
    expect(plan.ok && plan.changes).toEqual([
      { key: 'domain', label: 'Domain', kind: 'value', before: '(empty)', after: 'bare.example' },
    ]);
  });
});
