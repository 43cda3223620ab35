// PUT /api/v2/organizations/me semantics (genesys-api.md §6):
// - `version` is required; a stale one answers 409 general.conflict; success bumps it.
// - read-only fields (id, thirdPartyOrgName, features, selfUri; productPlatform and state are
//   treated the same, both UNVERIFIED) may be echoed back unchanged, as a GET-modify-PUT
//   client does, but changing one is a 400 naming the field.
// - unknown fields are a 400 naming the field.
// - omitted writable fields keep their value (PUT-as-merge is UNVERIFIED; documented choice).
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Organization } from '../model';
import { type EmulatorResult, okResult } from '../result';
import { invalidValue, versionConflict } from '../http/errors';
import { fromZodError } from '../http/zod-errors';

const text = z.string().max(1024);

const organizationUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(256).optional(),
    defaultLanguage: text.optional(),
    defaultCountryCode: text.optional(),
    thirdPartyURI: text.optional(),
    domain: text.optional(),
    defaultSiteId: text.optional(),
    supportURI: text.optional(),
    voicemailEnabled: z.boolean().optional(),
    version: z.number().int().min(0),
    id: z.unknown().optional(),
    thirdPartyOrgName: z.unknown().optional(),
    features: z.unknown().optional(),
    selfUri: z.unknown().optional(),
    productPlatform: z.unknown().optional(),
    state: z.unknown().optional(),
  })
  .strict();

const READ_ONLY = ['id', 'thirdPartyOrgName', 'features', 'selfUri', 'productPlatform', 'state'] as const;

export function updateOrganization(current: Organization, body: unknown): EmulatorResult {
  const parsed = organizationUpdateSchema.safeParse(body);
  if (!parsed.success) return fromZodError(parsed.error, body);
  const input = parsed.data;
  for (const field of READ_ONLY) {
    if (input[field] !== undefined && !isDeepStrictEqual(input[field], current[field])) {
      return invalidValue(field, input[field], `the current value (the field is read-only)`);
    }
  }
  if (input.version !== current.version) return versionConflict();
  const {
    version: _version,
    id: _id,
    thirdPartyOrgName: _t,
    features: _f,
    selfUri: _s,
    productPlatform: _p,
    state: _st,
    ...changes
  } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  Object.assign(current, defined, { version: current.version + 1 });
  return okResult(structuredClone(current));
}
