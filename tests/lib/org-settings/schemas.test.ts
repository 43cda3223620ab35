// Every writable field's validation, as both the browser and the route run it (one schema).
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import {
  authSettingsUpdateSchema,
  featureStateSchema,
  organizationUpdateSchema,
} from '@/lib/genesys/schemas/organization';
import { authSettingsChangeSchema } from '@/lib/org-settings/auth-settings';
import { completeOrgUpdate } from '@/lib/org-settings/organization';

// The route's two steps: the body's shape, then each value that changes (here: all of them,
// against an org that holds none) through its field schema.
const NOTHING_HELD = { id: 'org-1', name: 'Held name', version: 6 };
function org(fields: Record<string, unknown>) {
  const shape = organizationUpdateSchema.safeParse({ version: 7, ...fields });
  if (!shape.success) return shape;
  try {
    return { success: true as const, data: completeOrgUpdate(shape.data, NOTHING_HELD) };
  } catch (error) {
    return { success: false as const, error: error as ZodError };
  }
}
const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe('organization fields', () => {
  const cases: Array<[field: string, valid: unknown[], invalid: Array<[unknown, string]>]> = [
    [
      'name',
      ['Acme', ' Acme Corp ', 'x'.repeat(256)],
      [
        ['', 'Enter a name.'],
        ['   ', 'Enter a name.'],
        ['x'.repeat(257), 'Use at most 256 characters.'],
      ],
    ],
    [
      'defaultLanguage',
      ['en', 'en-US', 'zh-cn', 'pt-BR', 'gsw'],
      [
        ['', 'Use a language tag such as en or en-US.'],
        ['english', 'Use a language tag such as en or en-US.'],
        ['en_US', 'Use a language tag such as en or en-US.'],
        ['e', 'Use a language tag such as en or en-US.'],
      ],
    ],
    [
      'defaultCountryCode',
      ['US', 'de', ' GB '],
      [
        ['USA', 'Use a two-letter country code such as US.'],
        ['U', 'Use a two-letter country code such as US.'],
        ['1A', 'Use a two-letter country code such as US.'],
        ['', 'Use a two-letter country code such as US.'],
      ],
    ],
    [
      'domain',
      ['acme.example', 'sub.acme-corp.example', 'ACME.Example'],
      [
        ['', 'Use a domain name such as example.com.'],
        ['acme', 'Use a domain name such as example.com.'],
        ['https://acme.example', 'Use a domain name such as example.com.'],
        ['-acme.example', 'Use a domain name such as example.com.'],
        ['acme..example', 'Use a domain name such as example.com.'],
        [`${'a'.repeat(64)}.example`, 'Use a domain name such as example.com.'],
      ],
    ],
    [
      'thirdPartyURI',
      ['', 'https://acme.example', 'http://acme.example/path?q=1'],
      [
        ['acme.example', 'Use an http(s) address such as https://example.com, or leave it empty.'],
        ['ftp://acme.example', 'Use an http(s) address such as https://example.com, or leave it empty.'],
        ['javascript:alert(1)', 'Use an http(s) address such as https://example.com, or leave it empty.'],
        [`https://acme.example/${'x'.repeat(1010)}`, 'Use at most 1024 characters.'],
      ],
    ],
    [
      'supportURI',
      ['', 'support@acme.example', 'mailto:help@acme.example', 'https://help.acme.example'],
      [
        ['support', 'Use an http(s) address or an email address, or leave it empty.'],
        ['support@acme', 'Use an http(s) address or an email address, or leave it empty.'],
        ['javascript:alert(1)', 'Use an http(s) address or an email address, or leave it empty.'],
      ],
    ],
    [
      'defaultSiteId',
      ['3b1c2d4e-0000-4000-8000-000000000000', 'ABCDEF01-2345-6789-ABCD-EF0123456789'],
      [
        ['', 'Use the site id, a GUID like 3b1c2d4e-0000-4000-8000-000000000000.'],
        ['site-1', 'Use the site id, a GUID like 3b1c2d4e-0000-4000-8000-000000000000.'],
        ['3b1c2d4e00004000800000000000000', 'Use the site id, a GUID like 3b1c2d4e-0000-4000-8000-000000000000.'],
      ],
    ],
    ['voicemailEnabled', [true, false], []],
  ];

  for (const [field, valid, invalid] of cases) {
    it(`${field}: accepts ${valid.length} and refuses ${invalid.length} values with its message`, () => {
      for (const value of valid) expect(org({ [field]: value }).success, `${field}=${String(value)}`).toBe(true);
      for (const [value, message] of invalid) expect(messageOf(org({ [field]: value })), String(value)).toBe(message);
    });
  }

  it('normalises what the API compares: trimmed name, upper-case country, lower-case domain', () => {
    expect(org({ name: ' Acme ', defaultCountryCode: 'us', domain: 'ACME.Example' })).toMatchObject({
      success: true,
      data: { version: 7, name: 'Acme', defaultCountryCode: 'US', domain: 'acme.example' },
    });
  });

  it('voicemail takes a boolean only', () => {
    expect(org({ voicemailEnabled: 'true' }).success).toBe(false);
  });

  it('version is required and a whole number ≥ 0', () => {
    expect(organizationUpdateSchema.safeParse({ name: 'x' }).success).toBe(false);
    expect(organizationUpdateSchema.safeParse({ version: -1 }).success).toBe(false);
    expect(organizationUpdateSchema.safeParse({ version: 1.5 }).success).toBe(false);
    expect(organizationUpdateSchema.safeParse({ version: 0 }).success).toBe(true);
  });

  it('read-only and unknown fields are refused by name', () => {
    for (const field of ['id', 'thirdPartyOrgName', 'features', 'selfUri', 'state', 'productPlatform', 'tenantId']) {
      const result = org({ [field]: 'x' });
      expect(result.success, field).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [field] });
    }
  });
});

describe('feature state', () => {
  it('is exactly { enabled: boolean }', () => {
    expect(featureStateSchema.safeParse({ enabled: true }).success).toBe(true);
    expect(featureStateSchema.safeParse({ enabled: 'yes' }).success).toBe(false);
    expect(featureStateSchema.safeParse({}).success).toBe(false);
    expect(featureStateSchema.safeParse({ enabled: true, name: 'chat' }).success).toBe(false);
  });
});

describe('authentication settings', () => {
  const auth = (body: Record<string, unknown>) => authSettingsUpdateSchema.safeParse(body);

  it('switches take booleans', () => {
    expect(auth({ multifactorAuthenticationRequired: true, domainAllowlistEnabled: false }).success).toBe(true);
    expect(auth({ multifactorAuthenticationRequired: 'on' }).success).toBe(false);
  });

  it('domain allowlist: domain names, no repeats (case-insensitive), each issue at its line', () => {
    expect(auth({ domainAllowlist: ['acme.example', 'b.example'] }).success).toBe(true);
    expect(auth({ domainAllowlist: [] }).success).toBe(true);
    const bad = auth({ domainAllowlist: ['acme.example', 'not a domain', 'ACME.example'] });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['domainAllowlist.1', 'Use a domain name such as example.com.'],
      ['domainAllowlist.2', 'ACME.example is listed twice.'],
    ]);
    expect(
      auth({ domainAllowlist: Array.from({ length: 1001 }, (_, i) => `d${i}.example`) }).error?.issues[0]?.message,
    ).toBe('Use at most 1000 entries.');
  });

  it('IP allowlist: IPv4, IPv6 and CIDR ranges only', () => {
    expect(
      auth({ ipAddressAllowlist: ['203.0.113.7', '203.0.113.0/24', '2001:db8::1', '2001:db8::/32'] }).success,
    ).toBe(true);
    for (const value of ['203.0.113', '203.0.113.0/33', '999.1.1.1', 'localhost', '10.0.0.1-10.0.0.9']) {
      expect(auth({ ipAddressAllowlist: [value] }).error?.issues[0]?.message, value).toBe(
        'Use an IP address or a CIDR range such as 203.0.113.0/24.',
      );
    }
    expect(auth({ ipAddressAllowlist: ['10.0.0.1', '10.0.0.1'] }).error?.issues[0]?.message).toBe(
      '10.0.0.1 is listed twice.',
    );
  });

  it('password requirements: whole numbers in range, unknown keys refused', () => {
    expect(auth({ passwordRequirements: { minimumLength: 12, expirationDays: 0 } }).success).toBe(true);
    const message = (value: unknown, key = 'minimumLength') =>
      auth({ passwordRequirements: { [key]: value } }).error?.issues[0]?.message;
    expect(message(-1)).toBe('Use 0 or more.');
    expect(message(8.5)).toBe('Enter a whole number.');
    expect(message(Number.NaN)).toBe('Enter a whole number.');
    expect(message('8')).toBe('Enter a whole number.');
    expect(message(257)).toBe('Use at most 256.');
    expect(message(36_501, 'expirationDays')).toBe('Use at most 36,500.');
    expect(message(100_000_001, 'minimumAgeSeconds')).toBe('Use at most 100,000,000.');
    expect(auth({ passwordRequirements: { minimumSymbols: 1 } }).success).toBe(false);
  });

  it('the route body adds `expected` and nothing else', () => {
    expect(
      authSettingsChangeSchema.safeParse({
        domainAllowlist: ['a.example'],
        expected: { domainAllowlist: ['legacy entry kept as it was'], passwordRequirements: { minimumLength: 8 } },
      }).success,
    ).toBe(true);
    expect(authSettingsChangeSchema.safeParse({ tenantId: 'other', expected: {} }).success).toBe(false);
    expect(authSettingsChangeSchema.safeParse({ expected: { tenantId: 'other' } }).success).toBe(false);
  });

  it('`expected` is required and names every key the update writes', () => {
    const paths = (body: Record<string, unknown>) => {
      const result = authSettingsChangeSchema.safeParse(body);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(paths({ multifactorAuthenticationRequired: true })).toEqual(['expected']);
    expect(
      paths({
        multifactorAuthenticationRequired: true,
        domainAllowlist: ['a.example'],
        passwordRequirements: { minimumLength: 9, minimumDigits: 1 },
        expected: { domainAllowlist: [], passwordRequirements: { minimumLength: 8 } },
      }),
    ).toEqual(['expected.multifactorAuthenticationRequired', 'expected.passwordRequirements.minimumDigits']);
  });

  it('`null` in `expected` means "was not set"', () => {
    expect(
      authSettingsChangeSchema.safeParse({
        passwordRequirements: { minimumLength: 9, expirationDays: 5 },
        expected: { passwordRequirements: { minimumLength: 8, expirationDays: null } },
      }).success,
    ).toBe(true);
  });
});
