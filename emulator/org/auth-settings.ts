// PATCH /api/v2/organizations/authentication/settings: a partial OrgAuthSettings merged into
// the stored one (nested passwordRequirements merged field by field).
import { z } from 'zod';
import type { OrgAuthSettings } from '../model';
import { type EmulatorResult, okResult } from '../result';
import { fromZodError } from '../http/zod-errors';

const count = z.number().int().min(0).max(100_000_000);

const authSettingsPatchSchema = z
  .object({
    multifactorAuthenticationRequired: z.boolean(),
    domainAllowlistEnabled: z.boolean(),
    domainAllowlist: z.array(z.string().max(255)).max(1000),
    ipAddressAllowlist: z.array(z.string().max(64)).max(1000),
    passwordRequirements: z
      .object({
        minimumLength: count,
        minimumDigits: count,
        minimumLetters: count,
        minimumUpper: count,
        minimumLower: count,
        minimumSpecials: count,
        minimumAgeSeconds: count,
        expirationDays: count,
      })
      .partial()
      .strict(),
    inactivityTimeoutExclusions: z.array(z.string().max(255)).max(1000),
    // Present in the 262 SDK model, absent from older docs; accepted and stored as given.
    universalLogout: z.boolean(),
    tokenStorageLocation: z.string().max(64),
  })
  .partial()
  .strict();

export type StoredAuthSettings = OrgAuthSettings & { universalLogout?: boolean; tokenStorageLocation?: string };

export function patchAuthSettings(current: StoredAuthSettings, body: unknown): EmulatorResult {
  const parsed = authSettingsPatchSchema.safeParse(body);
  if (!parsed.success) return fromZodError(parsed.error, body);
  const { passwordRequirements, ...rest } = parsed.data;
  Object.assign(current, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
  if (passwordRequirements) {
    const defined = Object.fromEntries(Object.entries(passwordRequirements).filter(([, value]) => value !== undefined));
    current.passwordRequirements = { ...current.passwordRequirements, ...defined };
  }
  return okResult(structuredClone(current));
}
