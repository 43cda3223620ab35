import { z } from 'zod';
import { type AuthSettings, type AuthSettingsUpdate, authSettingsUpdateSchema } from '../genesys/schemas/organization';
import { type FieldChange, fieldChange } from './diff';
import { type FieldSpec, type FormValues, changedKeys, parseList, parseWholeNumber } from './fields';
import { toFieldErrors } from './issues';
import type { Plan } from './organization';

const PASSWORD_KEYS = [
  'minimumLength',
  'minimumDigits',
  'minimumLetters',
  'minimumUpper',
  'minimumLower',
  'minimumSpecials',
  'minimumAgeSeconds',
  'expirationDays',
] as const;
type PasswordKey = (typeof PASSWORD_KEYS)[number];
const isPasswordKey = (key: PropertyKey): key is PasswordKey => (PASSWORD_KEYS as readonly PropertyKey[]).includes(key);

export type AuthField =
  | 'multifactorAuthenticationRequired'
  | 'domainAllowlistEnabled'
  | 'domainAllowlist'
  | 'ipAddressAllowlist'
  | PasswordKey;
export type AuthValues = FormValues<AuthField>;

export const AUTH_FIELDS: readonly FieldSpec<AuthField>[] = [
  { key: 'multifactorAuthenticationRequired', label: 'Multi-factor authentication required', kind: 'boolean' },
  { key: 'domainAllowlistEnabled', label: 'Domain allowlist enforced', kind: 'boolean' },
  { key: 'domainAllowlist', label: 'Domain allowlist', kind: 'list', hint: 'One domain per line, e.g. example.com.' },
  {
    key: 'ipAddressAllowlist',
    label: 'IP address allowlist',
    kind: 'list',
    hint: 'One IP address or CIDR range per line, e.g. 203.0.113.0/24.',
  },
  { key: 'minimumLength', label: 'Minimum length', kind: 'number' },
  { key: 'minimumDigits', label: 'Minimum digits', kind: 'number' },
  { key: 'minimumLetters', label: 'Minimum letters', kind: 'number' },
  { key: 'minimumUpper', label: 'Minimum upper-case letters', kind: 'number' },
  { key: 'minimumLower', label: 'Minimum lower-case letters', kind: 'number' },
  { key: 'minimumSpecials', label: 'Minimum special characters', kind: 'number' },
  { key: 'minimumAgeSeconds', label: 'Minimum age (seconds)', kind: 'number' },
  { key: 'expirationDays', label: 'Expires after (days)', kind: 'number' },
];

export function toAuthValues(settings: AuthSettings): AuthValues {
  const password = settings.passwordRequirements ?? {};
  const numbers = Object.fromEntries(PASSWORD_KEYS.map((key) => [key, password[key]?.toString() ?? '']));
  return {
    multifactorAuthenticationRequired: settings.multifactorAuthenticationRequired ?? false,
    domainAllowlistEnabled: settings.domainAllowlistEnabled ?? false,
    domainAllowlist: (settings.domainAllowlist ?? []).join('\n'),
    ipAddressAllowlist: (settings.ipAddressAllowlist ?? []).join('\n'),
    ...(numbers as Record<PasswordKey, string>),
  };
}

const expectedNumber = z.number().int().min(0);

/**
 * What the route accepts: the PATCH body plus `expected`, the values the user's change was made
 * from. Genesys keeps no version on auth settings, so without it a PATCH would silently replace
 * an allowlist somebody else had just changed; with it the route answers 409 instead.
 */
export const authSettingsChangeSchema = authSettingsUpdateSchema.extend({
  expected: z
    .strictObject({
      multifactorAuthenticationRequired: z.boolean().optional(),
      domainAllowlistEnabled: z.boolean().optional(),
      domainAllowlist: z.array(z.string().max(255)).max(1000).optional(),
      ipAddressAllowlist: z.array(z.string().max(64)).max(1000).optional(),
      passwordRequirements: z
        .strictObject(Object.fromEntries(PASSWORD_KEYS.map((key) => [key, expectedNumber.optional()])))
        .optional(),
    })
    .optional(),
});
export type AuthSettingsChange = z.infer<typeof authSettingsChangeSchema>;
export type AuthExpectation = NonNullable<AuthSettingsChange['expected']>;

/** Form keys of a body path: `passwordRequirements.minimumLength` is the `minimumLength` input. */
function authFieldOf(path: readonly PropertyKey[]): string | undefined {
  const [first, second] = path;
  if (first === 'passwordRequirements') return second !== undefined && isPasswordKey(second) ? second : undefined;
  return typeof first === 'string' ? first : undefined;
}

export function planAuthUpdate(base: AuthValues, draft: AuthValues): Plan<AuthSettingsChange> {
  const update: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  const password: Record<string, number> = {};
  const expectedPassword: Record<string, number> = {};
  const keys = changedKeys(AUTH_FIELDS, base, draft);
  for (const key of keys) {
    if (isPasswordKey(key)) {
      password[key] = parseWholeNumber(draft[key]);
      const was = parseWholeNumber(base[key]);
      if (!Number.isNaN(was)) expectedPassword[key] = was;
    } else if (key === 'domainAllowlist' || key === 'ipAddressAllowlist') {
      update[key] = parseList(draft[key]);
      expected[key] = parseList(base[key]);
    } else {
      update[key] = draft[key];
      expected[key] = base[key];
    }
  }
  if (Object.keys(password).length > 0) update.passwordRequirements = password;
  if (Object.keys(expectedPassword).length > 0) expected.passwordRequirements = expectedPassword;
  const parsed = authSettingsUpdateSchema.safeParse(update);
  if (!parsed.success) {
    const entries = (key: string) => parseList(draft[key as AuthField] ?? '');
    return { ok: false, errors: toFieldErrors(parsed.error.issues, authFieldOf, entries) };
  }
  const shown = (spec: FieldSpec<AuthField>, value: AuthValues[AuthField]) => {
    if (spec.kind !== 'number') return value;
    const number = parseWholeNumber(value);
    return Number.isNaN(number) ? undefined : number;
  };
  const changes: FieldChange[] = AUTH_FIELDS.filter((spec) => keys.includes(spec.key)).map((spec) =>
    fieldChange(spec, shown(spec, base[spec.key]), shown(spec, draft[spec.key]) ?? ''),
  );
  const body = { ...parsed.data, ...(keys.length > 0 ? { expected } : {}) };
  return { ok: true, body, changes };
}

const normalizeList = (items: readonly string[] | undefined) =>
  (items ?? [])
    .map((item) => item.toLowerCase())
    .sort()
    .join('\n');

/**
 * The fields whose current Genesys value is no longer what the change was made from. Lists are
 * compared as sets (order carries no meaning there); an absent switch reads as off.
 */
export function staleAuthFields(expected: AuthExpectation, current: AuthSettings): string[] {
  const stale: string[] = [];
  for (const key of ['multifactorAuthenticationRequired', 'domainAllowlistEnabled'] as const) {
    if (expected[key] !== undefined && expected[key] !== (current[key] ?? false)) stale.push(key);
  }
  for (const key of ['domainAllowlist', 'ipAddressAllowlist'] as const) {
    if (expected[key] !== undefined && normalizeList(expected[key]) !== normalizeList(current[key])) stale.push(key);
  }
  for (const [key, value] of Object.entries(expected.passwordRequirements ?? {})) {
    if (value !== undefined && current.passwordRequirements?.[key] !== value) stale.push(`passwordRequirements.${key}`);
  }
  return stale;
}

export type { AuthSettingsUpdate };
