// The auth-settings PATCH: changed top-level fields only, passwordRequirements whole (start values
// + edits: PUT-as-merge of a nested object is UNVERIFIED), list diffs, the values it was made
// from (`expected`, null = was not set), and the checks the route runs with them.
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '@/lib/genesys/schemas/organization';
import {
  planAuthUpdate,
  staleAuthFields,
  toAuthValues,
  withWholePasswordRequirements,
} from '@/lib/org-settings/auth-settings';

const SETTINGS: AuthSettings = {
  multifactorAuthenticationRequired: false,
  domainAllowlistEnabled: true,
  domainAllowlist: ['acme.example', 'corp.example'],
  ipAddressAllowlist: [],
  passwordRequirements: { minimumLength: 8, minimumDigits: 1, expirationDays: 90 },
};
const base = toAuthValues(SETTINGS);

describe('planAuthUpdate', () => {
  it('nothing changed: nothing to send', () => {
    expect(planAuthUpdate(base, { ...base })).toEqual({ ok: true, body: { expected: {} }, changes: [] });
  });

  it('a switch: the field and the value it was', () => {
    const plan = planAuthUpdate(base, { ...base, multifactorAuthenticationRequired: true });
    expect(plan).toEqual({
      ok: true,
      body: { multifactorAuthenticationRequired: true, expected: { multifactorAuthenticationRequired: false } },
      changes: [
        {
          key: 'multifactorAuthenticationRequired',
          label: 'Multi-factor authentication required',
          kind: 'value',
          before: 'Off',
          after: 'On',
        },
      ],
    });
  });

  it('a list: the whole new list, and the diff names what is added and removed', () => {
    const plan = planAuthUpdate(base, { ...base, domainAllowlist: 'acme.example\n new.example \n\n' });
    expect(plan).toEqual({
      ok: true,
      body: {
        domainAllowlist: ['acme.example', 'new.example'],
        expected: { domainAllowlist: ['acme.example', 'corp.example'] },
      },
      changes: [
        {
          key: 'domainAllowlist',
          label: 'Domain allowlist',
          kind: 'list',
          added: ['new.example'],
          removed: ['corp.example'],
          after: ['acme.example', 'new.example'],
        },
      ],
    });
  });

  it('a re-ordered or re-spaced list is not a change', () => {
    expect(planAuthUpdate(base, { ...base, domainAllowlist: ' corp.example , ACME.example ' })).toEqual({
      ok: true,
      body: { expected: {} },
      changes: [],
    });
  });

  it('password requirements: the whole object (start values + edits); the diff only the edits', () => {
    const plan = planAuthUpdate(base, { ...base, minimumLength: '12', minimumSpecials: '2' });
    expect(plan).toMatchObject({
      ok: true,
      body: {
        passwordRequirements: { minimumLength: 12, minimumDigits: 1, minimumSpecials: 2, expirationDays: 90 },
        expected: {
          passwordRequirements: { minimumLength: 8, minimumDigits: 1, minimumSpecials: null, expirationDays: 90 },
        },
      },
    });
    // Keys Genesys has no value for and the user left alone stay out of both.
    expect(plan.ok && Object.keys(plan.body.passwordRequirements ?? {})).toEqual([
      'minimumLength',
      'minimumDigits',
      'minimumSpecials',
      'expirationDays',
    ]);
    expect(plan.ok && plan.changes.map((c) => c.kind === 'value' && [c.key, c.before, c.after])).toEqual([
      ['minimumLength', '8', '12'],
      ['minimumSpecials', '(not set)', '2'],
    ]);
  });

  it('no password number changed: passwordRequirements is not sent at all', () => {
    const plan = planAuthUpdate(base, { ...base, domainAllowlistEnabled: false });
    expect(plan.ok && plan.body).toEqual({ domainAllowlistEnabled: false, expected: { domainAllowlistEnabled: true } });
  });

  it('messages land on the form field, a list entry names its line', () => {
    const plan = planAuthUpdate(base, {
      ...base,
      minimumLength: 'eight',
      expirationDays: '-3',
      ipAddressAllowlist: '10.0.0.1\n10.0.0.300',
    });
    expect(plan).toEqual({
      ok: false,
      errors: {
        minimumLength: 'Enter a whole number.',
        expirationDays: 'Use 0 or more.',
        ipAddressAllowlist: 'Line 2 (10.0.0.300): Use an IP address or a CIDR range such as 203.0.113.0/24.',
      },
    });
  });

  it('an emptied number is an error, not "leave as is"', () => {
    expect(planAuthUpdate(base, { ...base, minimumLength: '' })).toEqual({
      ok: false,
      errors: { minimumLength: 'Enter a whole number.' },
    });
  });
});

describe('staleAuthFields', () => {
  it('nothing changed since: nothing stale', () => {
    expect(
      staleAuthFields(
        {
          multifactorAuthenticationRequired: false,
          domainAllowlist: ['corp.example', 'ACME.example'],
          passwordRequirements: { minimumLength: 8 },
        },
        SETTINGS,
      ),
    ).toEqual([]);
  });

  it('names every field changed meanwhile, nested ones by path', () => {
    const current: AuthSettings = {
      ...SETTINGS,
      multifactorAuthenticationRequired: true,
      domainAllowlist: ['acme.example'],
      passwordRequirements: { minimumLength: 10 },
    };
    expect(
      staleAuthFields(
        {
          multifactorAuthenticationRequired: false,
          domainAllowlist: ['acme.example', 'corp.example'],
          ipAddressAllowlist: [],
          passwordRequirements: { minimumLength: 8 },
        },
        current,
      ),
    ).toEqual(['multifactorAuthenticationRequired', 'domainAllowlist', 'passwordRequirements.minimumLength']);
  });

  it('an absent switch reads as off, an absent list as empty', () => {
    expect(staleAuthFields({ domainAllowlistEnabled: false, ipAddressAllowlist: [] }, {})).toEqual([]);
    expect(staleAuthFields({ domainAllowlistEnabled: true }, {})).toEqual(['domainAllowlistEnabled']);
  });

  it('null expects "not set": unset → 3 by them while you set 5 is stale', () => {
    const expected = { passwordRequirements: { minimumDigits: null } };
    expect(staleAuthFields(expected, { passwordRequirements: {} })).toEqual([]);
    expect(staleAuthFields(expected, {})).toEqual([]);
    expect(staleAuthFields(expected, { passwordRequirements: { minimumDigits: 3 } })).toEqual([
      'passwordRequirements.minimumDigits',
    ]);
    // …and a number expects that number, not "not set".
    expect(staleAuthFields({ passwordRequirements: { minimumDigits: 3 } }, {})).toEqual([
      'passwordRequirements.minimumDigits',
    ]);
    expect(
      staleAuthFields({ multifactorAuthenticationRequired: null }, { multifactorAuthenticationRequired: false }),
    ).toEqual(['multifactorAuthenticationRequired']);
  });
});

describe('withWholePasswordRequirements (the route)', () => {
  it('fills the keys a caller left out from the current values; theirs win where given', () => {
    expect(
      withWholePasswordRequirements(
        { passwordRequirements: { minimumLength: 9 } },
        { passwordRequirements: { minimumLength: 8, minimumDigits: 1, somethingNew: 4 } },
      ),
    ).toEqual({ passwordRequirements: { minimumLength: 9, minimumDigits: 1 } });
  });

  it('leaves an update without passwordRequirements alone', () => {
    const update = { multifactorAuthenticationRequired: true };
    expect(withWholePasswordRequirements(update, SETTINGS)).toBe(update);
  });
});
