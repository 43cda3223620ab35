import { z } from 'zod';
import {
  ORGANIZATION_WRITABLE_FIELDS,
  type Organization,
  type OrganizationUpdate,
  organizationFieldSchemas,
  organizationUpdateSchema,
} from '../genesys/schemas/organization';
import { type FieldChange, fieldChange } from './diff';
import { type FieldSpec, type FormValues, changedKeys } from './fields';
import { type FieldErrors, toFieldErrors } from './issues';

export type OrgField = keyof typeof organizationFieldSchemas;
export type OrgValues = FormValues<OrgField>;

/** Every field PUT /organizations/me may change, in the order the form shows them. */
export const ORG_FIELDS: readonly FieldSpec<OrgField>[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'defaultLanguage', label: 'Default language', kind: 'text', hint: 'A language tag, e.g. en or en-US.' },
  { key: 'defaultCountryCode', label: 'Default country code', kind: 'text', hint: 'Two letters, e.g. US.' },
  { key: 'domain', label: 'Domain', kind: 'text', hint: 'e.g. example.com' },
  { key: 'thirdPartyURI', label: 'Third-party URI', kind: 'text', hint: 'An http(s) address, or empty.' },
  { key: 'supportURI', label: 'Support URI', kind: 'text', hint: 'An http(s) address or an email address, or empty.' },
  { key: 'defaultSiteId', label: 'Default site id', kind: 'text', hint: 'The id (GUID) of a site of this org.' },
  { key: 'voicemailEnabled', label: 'Voicemail', kind: 'boolean' },
];

/** Shown, never sent: Genesys refuses a change to any of them (genesys-api.md §6). */
export const ORG_READ_ONLY: ReadonlyArray<{ key: keyof Organization; label: string }> = [
  { key: 'id', label: 'Organization id' },
  { key: 'thirdPartyOrgName', label: 'Short name' },
  { key: 'state', label: 'State' },
  { key: 'productPlatform', label: 'Product platform' },
  { key: 'version', label: 'Version' },
];

export function toOrgValues(org: Organization): OrgValues {
  const text = (value: string | undefined) => value ?? '';
  return {
    name: org.name,
    defaultLanguage: text(org.defaultLanguage),
    defaultCountryCode: text(org.defaultCountryCode),
    domain: text(org.domain),
    thirdPartyURI: text(org.thirdPartyURI),
    supportURI: text(org.supportURI),
    defaultSiteId: text(org.defaultSiteId),
    voicemailEnabled: org.voicemailEnabled ?? false,
  };
}

export type Plan<Body> = { ok: true; body: Body; changes: FieldChange[] } | { ok: false; errors: FieldErrors };

/** The raw value Genesys holds for a writable field (undefined: not set there). */
const held = (org: Organization, key: OrgField): string | boolean | undefined => org[key];

/**
 * Each changed field through its own schema (trimmed, normalised), as the browser and the route
 * both run it. A value Genesys already holds is not re-validated: a legacy value the portal's
 * rules would refuse must not block saving another field.
 */
function checkChanged(
  changed: ReadonlyArray<[OrgField, unknown]>,
): { ok: true; values: Map<OrgField, string | boolean> } | { ok: false; issues: z.core.$ZodIssue[] } {
  const values = new Map<OrgField, string | boolean>();
  const issues: z.core.$ZodIssue[] = [];
  for (const [key, value] of changed) {
    const parsed = organizationFieldSchemas[key].safeParse(value);
    if (parsed.success) values.set(key, parsed.data);
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
  }
  return issues.length === 0 ? { ok: true, values } : { ok: false, issues };
}

/**
 * The PUT body: every writable field (the values the edit started from, plus the user's edits)
 * and the version the edit started from. Whether Genesys merges an omitted field or clears it
 * is UNVERIFIED, so nothing is omitted that Genesys holds; the version makes sending values we
 * did not touch safe (anyone else's save meanwhile is a 409, not overwritten). The diff lists
 * only what changes: a value the schema normalises back to the current one (`us` → `US`) is not
 * a change, and is sent as Genesys holds it.
 */
export function planOrgUpdate(org: Organization, base: OrgValues, draft: OrgValues): Plan<OrganizationUpdate> {
  const edited = changedKeys(ORG_FIELDS, base, draft).map((key): [OrgField, unknown] => [key, draft[key]]);
  const checked = checkChanged(edited);
  if (!checked.ok) return { ok: false, errors: toFieldErrors(checked.issues) };
  const body: Record<string, unknown> = { version: org.version };
  const changes: FieldChange[] = [];
  for (const spec of ORG_FIELDS) {
    const value = checked.values.get(spec.key);
    if (value !== undefined && value !== base[spec.key]) {
      body[spec.key] = value;
      changes.push(fieldChange(spec, base[spec.key], value));
    } else if (held(org, spec.key) !== undefined) {
      body[spec.key] = held(org, spec.key);
    }
  }
  return { ok: true, body: body as OrganizationUpdate, changes };
}

/**
 * The route's side of the same rules, given the org as Genesys has it now: each value that
 * would change is checked (and normalised) by its field schema, a failure is the 422 naming the
 * field. A body that leaves out a writable field is completed from `current` when it was made
 * from the current version (when it was not, Genesys answers 409 and nothing is written), so no
 * caller of this route can clear a field by omission.
 */
export function completeOrgUpdate(update: OrganizationUpdate, current: Organization): OrganizationUpdate {
  const changed = ORGANIZATION_WRITABLE_FIELDS.filter(
    (key) => update[key] !== undefined && update[key] !== held(current, key),
  ).map((key): [OrgField, unknown] => [key, update[key]]);
  const checked = checkChanged(changed);
  if (!checked.ok) throw new z.ZodError(checked.issues);
  const body: Record<string, unknown> = { ...update, ...Object.fromEntries(checked.values) };
  if (update.version === current.version) {
    for (const key of ORGANIZATION_WRITABLE_FIELDS) {
      if (body[key] === undefined && held(current, key) !== undefined) body[key] = held(current, key);
    }
  }
  return organizationUpdateSchema.parse(body);
}
