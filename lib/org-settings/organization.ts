import {
  type Organization,
  type OrganizationUpdate,
  type organizationFieldSchemas,
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

/**
 * The PUT body for what the user changed, validated with the schema the route uses: only the
 * changed fields plus the version the edit started from. A value the schema normalises back to
 * what Genesys has (`us` → `US`) is not a change.
 */
export function planOrgUpdate(version: number, base: OrgValues, draft: OrgValues): Plan<OrganizationUpdate> {
  const candidate: Record<string, unknown> = { version };
  for (const key of changedKeys(ORG_FIELDS, base, draft)) candidate[key] = draft[key];
  const parsed = organizationUpdateSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues) };
  const body: Record<string, unknown> = { version };
  const changes: FieldChange[] = [];
  for (const spec of ORG_FIELDS) {
    const value = parsed.data[spec.key];
    if (value === undefined || value === base[spec.key]) continue;
    body[spec.key] = value;
    changes.push(fieldChange(spec, base[spec.key], value));
  }
  return { ok: true, body: body as OrganizationUpdate, changes };
}
