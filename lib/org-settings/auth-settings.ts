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

// `null`: the value was not set when the change was made (so "unset → 3 by them" is a change).
const expectedNumber = z.number().int().min(0).nullable();
const expectedList = (max: number) => z.array(z.string().max(max)).max(1000).nullable();

const expectationSchema = z.strictObject(
  {
    multifactorAuthenticationRequired: z.boolean().nullable().optional(),
    domainAllowlistEnabled: z.boolean().nullable().optional(),
    domainAllowlist: expectedList(255).optional(),
    ipAddressAllowlist: expectedList(64).optional(),
    inactivityTimeoutExclusions: expectedList(255).optional(),
    passwordRequirements: z
      .strictObject(Object.fromEntries(PASSWORD_KEYS.map((key) => [key, expectedNumber.optional()])))
      .optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'Send `expected`: the values the change was made from (null where not set).'
        : undefined,
  },
);
export type AuthExpectation = z.infer<typeof expectationSchema>;

/** Every path the update writes that `expected` does not name (`passwordRequirements.x` for nested ones). */
export function unexpectedPaths(update: AuthSettingsUpdate, expected: AuthExpectation): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined || key === 'passwordRequirements') continue;
    if (expected[key as keyof AuthExpectation] === undefined) missing.push(key);
  }
  for (const [key, value] of Object.entries(update.passwordRequirements ?? {})) {
    if (value !== undefined && expected.passwordRequirements?.[key] === undefined) {
      missing.push(`passwordRequirements.${key}`);
    }
  }
  return missing;
}

/**
 * What the route accepts: the PATCH body plus `expected`, the values the change was made from,
 * for every key it writes (`null`: was unset). Genesys keeps no version on auth settings, so
 * without it a PATCH would silently replace an allowlist somebody else had just changed; with it
 * the route answers 409 instead. It is required: a body that skips the check is a 422.
 */
export const authSettingsChangeSchema = authSettingsUpdateSchema
  .extend({ expected: expectationSchema })
  .superRefine(({ expected, ...update }, context) => {
    for (const path of unexpectedPaths(update, expected)) {
      context.addIssue({
        code: 'custom',
        path: ['expected', ...path.split('.')],
        message: `Name the value ${path} was changed from (null if it was not set).`,
      });
    }
  });
export type AuthSettingsChange = z.infer<typeof authSettingsChangeSchema>;

/** Form keys of a body path: `passwordRequirements.minimumLength` is the `minimumLength` input. */
function authFieldOf(path: readonly PropertyKey[]): string | undefined {
  const [first, second] = path;
  if (first === 'passwordRequirements') return second !== undefined && isPasswordKey(second) ? second : undefined;
  return typeof first === 'string' ? first : undefined;
}

const wasNumber = (text: AuthValues[AuthField]) => {
  const number = parseWholeNumber(text);
  return Number.isNaN(number) ? null : number;
};

/**
 * The PATCH body. Top-level keys are sent only when changed (PATCH). `passwordRequirements` is
 * one value: whether Genesys merges a partial one or replaces it is UNVERIFIED, so when any of
 * its numbers changes the whole object goes (the values the edit started from plus the edits),
 * and `expected` names every key sent with the value it was made from (null: was not set).
 */
export function planAuthUpdate(base: AuthValues, draft: AuthValues): Plan<AuthSettingsChange> {
  const update: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  const keys = changedKeys(AUTH_FIELDS, base, draft);
  for (const key of keys) {
    if (isPasswordKey(key)) continue;
    if (key === 'domainAllowlist' || key === 'ipAddressAllowlist') {
      update[key] = parseList(draft[key]);
      expected[key] = parseList(base[key]);
    } else {
      update[key] = draft[key];
      expected[key] = base[key];
    }
  }
  if (keys.some(isPasswordKey)) {
    const password: Record<string, number> = {};
    const expectedPassword: Record<string, number | null> = {};
    for (const key of PASSWORD_KEYS) {
      const edited = keys.includes(key);
      // An unchanged key Genesys has no value for stays out: there is nothing to keep.
      if (!edited && wasNumber(base[key]) === null) continue;
      password[key] = parseWholeNumber(edited ? draft[key] : base[key]);
      expectedPassword[key] = wasNumber(base[key]);
    }
    update.passwordRequirements = password;
    expected.passwordRequirements = expectedPassword;
  }
  const parsed = authSettingsUpdateSchema.safeParse(update);
  if (!parsed.success) {
    const entries = (key: string) => parseList(draft[key as AuthField] ?? '');
    return { ok: false, errors: toFieldErrors(parsed.error.issues, authFieldOf, entries) };
  }
  const changes: FieldChange[] = AUTH_FIELDS.filter((spec) => keys.includes(spec.key)).map((spec) =>
    spec.kind === 'number'
      ? fieldChange(spec, wasNumber(base[spec.key]) ?? undefined, wasNumber(draft[spec.key]) ?? '')
      : fieldChange(spec, base[spec.key], draft[spec.key]),
  );
  return { ok: true, body: { ...parsed.data, expected }, changes };
}

const normalizeList = (items: readonly string[] | null | undefined) =>
  (items ?? [])
    .map((item) => item.toLowerCase())
    .sort()
    .join('\n');

/**
 * The fields whose current Genesys value is no longer what the change was made from. Lists are
 * compared as sets (order carries no meaning there); an absent switch reads as off and an absent
 * list as empty; `null` expects the value to be absent.
 */
export function staleAuthFields(expected: AuthExpectation, current: AuthSettings): string[] {
  const stale: string[] = [];
  for (const key of ['multifactorAuthenticationRequired', 'domainAllowlistEnabled'] as const) {
    const want = expected[key];
    if (want === undefined) continue;
    if (want === null ? current[key] !== undefined : want !== (current[key] ?? false)) stale.push(key);
  }
  for (const key of ['domainAllowlist', 'ipAddressAllowlist', 'inactivityTimeoutExclusions'] as const) {
    const want = expected[key];
    if (want === undefined) continue;
    if (want === null ? current[key] !== undefined : normalizeList(want) !== normalizeList(current[key])) {
      stale.push(key);
    }
  }
  for (const [key, want] of Object.entries(expected.passwordRequirements ?? {})) {
    if (want === undefined) continue;
    if ((current.passwordRequirements?.[key] ?? null) !== want) stale.push(`passwordRequirements.${key}`);
  }
  return stale;
}

/**
 * The route's side of sending `passwordRequirements` whole: keys a caller left out are filled
 * from the values Genesys has now (read just before the write), so a partial object can never
 * clear them if Genesys replaces rather than merges (UNVERIFIED).
 */
export function withWholePasswordRequirements(update: AuthSettingsUpdate, current: AuthSettings): AuthSettingsUpdate {
  if (!update.passwordRequirements) return update;
  const kept: Record<string, number> = {};
  for (const key of PASSWORD_KEYS) {
    const value: unknown = current.passwordRequirements?.[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) kept[key] = value;
  }
  return { ...update, passwordRequirements: { ...kept, ...update.passwordRequirements } };
}

export type { AuthSettingsUpdate };
