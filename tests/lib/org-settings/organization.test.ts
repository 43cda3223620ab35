// The PUT the editor sends: every writable field (start values + edits, PUT-as-merge being
// UNVERIFIED), the version it started from, and a diff of exactly what changes. And the route's
// side: changed values checked, an omitted field completed from the current org.
import { describe, expect, it } from 'vitest';
import type { Organization } from '@/lib/genesys/schemas/organization';
import { ZodError } from 'zod';
import { completeOrgUpdate, planOrgUpdate, toOrgValues } from '@/lib/org-settings/organization';
import { ORGANIZATION_FIXTURE } from '@/tests/support/organization-fixture';

const ORG: Organization = { ...ORGANIZATION_FIXTURE, features: { chat: true } };
const base = toOrgValues(ORG);

// Every writable field as ORG holds it: what a body must carry besides the edits.
const HELD = {
  name: 'Acme Corp',
  defaultLanguage: 'en',
  defaultCountryCode: 'US',
  thirdPartyURI: 'https://acme.example',
  domain: 'acme.example',
  supportURI: 'support@acme.example',
  defaultSiteId: '3b1c2d4e-0000-4000-8000-000000000000',
  voicemailEnabled: true,
};

describe('planOrgUpdate', () => {
  it('no change: an empty diff (the form then sends nothing)', () => {
    expect(planOrgUpdate(ORG, base, { ...base })).toEqual({ ok: true, body: { version: 12, ...HELD }, changes: [] });
  });

  it('sends every writable field (start values + edits) and the version; the diff lists only the edits', () => {
    const plan = planOrgUpdate(ORG, base, { ...base, name: 'Acme Renamed', voicemailEnabled: false, supportURI: '' });
    expect(plan).toEqual({
      ok: true,
      body: { version: 12, ...HELD, name: 'Acme Renamed', supportURI: '', voicemailEnabled: false },
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
    // Read-only fields are never sent (Genesys refuses a change to them, unknown ones are a 400).
    expect(plan.ok && Object.keys(plan.body)).not.toContain('thirdPartyOrgName');
    expect(plan.ok && Object.keys(plan.body)).not.toContain('features');
  });

  it('what normalises back to the current value is not a change, and is sent as Genesys holds it', () => {
    const plan = planOrgUpdate(ORG, base, {
      ...base,
      name: ' Acme Corp ',
      defaultCountryCode: 'us',
      domain: 'ACME.example',
    });
    expect(plan).toEqual({ ok: true, body: { version: 12, ...HELD }, changes: [] });
  });

  it('sends the normalised value when it does change', () => {
    const plan = planOrgUpdate(ORG, base, { ...base, defaultCountryCode: 'de' });
    expect(plan.ok && plan.body).toEqual({ version: 12, ...HELD, defaultCountryCode: 'DE' });
  });

  it('invalid fields: one message per field, no body', () => {
    expect(planOrgUpdate(ORG, base, { ...base, name: '', domain: 'nope', defaultLanguage: 'en' })).toEqual({
      ok: false,
      errors: { name: 'Enter a name.', domain: 'Use a domain name such as example.com.' },
    });
  });

  it('an unchanged invalid value already in Genesys is sent back as is, not validated', () => {
    const legacyOrg = { ...ORG, defaultSiteId: 'legacy-site' };
    const legacy = toOrgValues(legacyOrg);
    expect(planOrgUpdate(legacyOrg, legacy, { ...legacy, name: 'New' })).toMatchObject({
      ok: true,
      body: { version: 12, name: 'New', defaultSiteId: 'legacy-site' },
    });
  });

  it('a field Genesys has no value for stays out unless the user fills it in', () => {
    const bareOrg: Organization = { id: ORG.id, name: 'Bare', version: 1 };
    const bare = toOrgValues(bareOrg);
    expect(bare).toMatchObject({ domain: '', supportURI: '', voicemailEnabled: false });
    expect(planOrgUpdate(bareOrg, bare, { ...bare, name: 'Bare 2' })).toEqual({
      ok: true,
      body: { version: 1, name: 'Bare 2' },
      changes: [{ key: 'name', label: 'Name', kind: 'value', before: 'Bare', after: 'Bare 2' }],
    });
    const plan = planOrgUpdate(bareOrg, bare, { ...bare, domain: 'bare.example' });
    expect(plan.ok && plan.body).toEqual({ version: 1, name: 'Bare', domain: 'bare.example' });
    expect(plan.ok && plan.changes).toEqual([
      { key: 'domain', label: 'Domain', kind: 'value', before: '(empty)', after: 'bare.example' },
    ]);
  });
});

describe('completeOrgUpdate (the route)', () => {
  it('a partial body made from the current version is completed from the current org', () => {
    expect(completeOrgUpdate({ version: 12, voicemailEnabled: false }, ORG)).toEqual({
      version: 12,
      ...HELD,
      voicemailEnabled: false,
    });
  });

  it('a stale version is not completed (Genesys answers 409, nothing is written)', () => {
    expect(completeOrgUpdate({ version: 11, name: 'Old edit' }, ORG)).toEqual({ version: 11, name: 'Old edit' });
  });

  it('changed values pass their field schema (normalised); unchanged ones are taken as they are', () => {
    const legacy = { ...ORG, defaultSiteId: 'legacy-site' };
    expect(
      completeOrgUpdate({ version: 12, ...HELD, defaultSiteId: 'legacy-site', defaultCountryCode: 'de' }, legacy),
    ).toMatchObject({ defaultSiteId: 'legacy-site', defaultCountryCode: 'DE' });
    let thrown: unknown;
    try {
      completeOrgUpdate({ version: 12, domain: 'not a domain', defaultSiteId: 'other-legacy' }, legacy);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['domain', 'Use a domain name such as example.com.'],
      ['defaultSiteId', 'Use the site id, a GUID like 3b1c2d4e-0000-4000-8000-000000000000.'],
    ]);
  });
});
