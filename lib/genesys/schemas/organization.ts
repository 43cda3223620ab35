// Organization, features, auth settings and limits (genesys-api.md §6).
import { z } from 'zod';
import { entityListingSchema } from './common';

/** The 13 names the SDK documents for PATCH /organizations/features/{featureName}. */
export const FEATURE_NAMES = [
  'realtimeCIC',
  'purecloud',
  'hipaa',
  'ucEnabled',
  'pci',
  'purecloudVoice',
  'xmppFederation',
  'chat',
  'informalPhotos',
  'directory',
  'contactCenter',
  'unifiedCommunications',
  'custserv',
] as const;
export const featureNameSchema = z.enum(FEATURE_NAMES);
export type FeatureName = z.infer<typeof featureNameSchema>;

// Feature keys beyond the 13 documented ones are UNVERIFIED: accept any key, require booleans.
export const organizationFeaturesSchema = z.record(z.string(), z.boolean());

export const organizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  defaultLanguage: z.string().optional(),
  defaultCountryCode: z.string().optional(),
  thirdPartyOrgName: z.string().optional(),
  thirdPartyURI: z.string().optional(),
  domain: z.string().optional(),
  features: organizationFeaturesSchema.optional(),
  // state/productPlatform are open enums upstream ('Unknown' exists): typed as strings.
  state: z.string().optional(),
  defaultSiteId: z.string().optional(),
  supportURI: z.string().optional(),
  voicemailEnabled: z.boolean().optional(),
  productPlatform: z.string().optional(),
  selfUri: z.string().optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

// Write bodies below are validated twice with the same schema: by the settings editor in the
// browser (the messages are shown next to each field) and by the route handler on the server.
// Genesys documents these fields only as strings (genesys-api.md §6); the formats are the
// portal's conservative reading of what each field holds, so a typo never reaches Genesys.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

const isSupportAddress = (value: string) =>
  value === '' || isHttpUrl(value) || EMAIL.test(value.replace(/^mailto:/i, ''));

/** One schema per writable field, so a form can also name which field a message belongs to. */
export const organizationFieldSchemas = {
  name: z.string().trim().min(1, 'Enter a name.').max(256, 'Use at most 256 characters.'),
  defaultLanguage: z
    .string()
    .trim()
    .max(35, 'Use at most 35 characters.')
    .regex(LANGUAGE_TAG, 'Use a language tag such as en or en-US.'),
  defaultCountryCode: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/i, 'Use a two-letter country code such as US.')
    .toUpperCase(),
  thirdPartyURI: z
    .string()
    .trim()
    .max(1024, 'Use at most 1024 characters.')
    .refine(
      (value) => value === '' || isHttpUrl(value),
      'Use an http(s) address such as https://example.com, or leave it empty.',
    ),
  domain: z.string().trim().toLowerCase().regex(HOSTNAME, 'Use a domain name such as example.com.'),
  defaultSiteId: z.string().trim().regex(GUID, 'Use the site id, a GUID like 3b1c2d4e-0000-4000-8000-000000000000.'),
  supportURI: z
    .string()
    .trim()
    .max(1024, 'Use at most 1024 characters.')
    .refine(isSupportAddress, 'Use an http(s) address or an email address, or leave it empty.'),
  voicemailEnabled: z.boolean(),
};

export const ORGANIZATION_WRITABLE_FIELDS = Object.keys(organizationFieldSchemas) as Array<
  keyof typeof organizationFieldSchemas
>;

const upstreamText = z.string().max(1024, 'Use at most 1024 characters.');

/**
 * The shape of a PUT /organizations/me body: strict, so read-only fields (id, thirdPartyOrgName,
 * features, selfUri) and unknown ones are refused, and `version` is mandatory (stale → 409).
 * Formats are checked per field by `organizationFieldSchemas`, only for values that change:
 * the body carries every writable field (PUT-as-merge is UNVERIFIED, genesys-api.md §6), and an
 * unchanged value Genesys already holds is echoed back as it is.
 */
export const organizationUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  name: upstreamText.optional(),
  defaultLanguage: upstreamText.optional(),
  defaultCountryCode: upstreamText.optional(),
  thirdPartyURI: upstreamText.optional(),
  domain: upstreamText.optional(),
  defaultSiteId: upstreamText.optional(),
  supportURI: upstreamText.optional(),
  voicemailEnabled: z.boolean().optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

/** FeatureState, the body of PATCH /organizations/features/{featureName}. */
export const featureStateSchema = z.strictObject({ enabled: z.boolean() });

const count = z.number().int().min(0);

// One field list: loose when reading Genesys' answer, strict for a PATCH body we send.
const passwordRequirementsShape = {
  minimumLength: count.optional(),
  minimumDigits: count.optional(),
  minimumLetters: count.optional(),
  minimumUpper: count.optional(),
  minimumLower: count.optional(),
  minimumSpecials: count.optional(),
  minimumAgeSeconds: count.optional(),
  expirationDays: count.optional(),
};

export const passwordRequirementsSchema = z.looseObject(passwordRequirementsShape);

export const authSettingsSchema = z.looseObject({
  multifactorAuthenticationRequired: z.boolean().optional(),
  domainAllowlistEnabled: z.boolean().optional(),
  domainAllowlist: z.array(z.string()).optional(),
  ipAddressAllowlist: z.array(z.string()).optional(),
  passwordRequirements: passwordRequirementsSchema.optional(),
  inactivityTimeoutExclusions: z.array(z.string()).optional(),
});
export type AuthSettings = z.infer<typeof authSettingsSchema>;

// Bounds are the portal's (Genesys documents integers only): wide enough for any real policy.
const wholeNumber = (max: number) =>
  z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(0, 'Use 0 or more.')
    .max(max, `Use at most ${max.toLocaleString('en-US')}.`);

export const passwordRequirementsUpdateSchema = z.strictObject({
  minimumLength: wholeNumber(256).optional(),
  minimumDigits: wholeNumber(256).optional(),
  minimumLetters: wholeNumber(256).optional(),
  minimumUpper: wholeNumber(256).optional(),
  minimumLower: wholeNumber(256).optional(),
  minimumSpecials: wholeNumber(256).optional(),
  minimumAgeSeconds: wholeNumber(100_000_000).optional(),
  expirationDays: wholeNumber(36_500).optional(),
});

/** A list where every entry passes `entry` and none is repeated (the message names the line). */
function allowlist(entry: z.ZodType<string>) {
  return z
    .array(entry)
    .max(1000, 'Use at most 1000 entries.')
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const key = item.toLowerCase();
        if (seen.has(key)) context.addIssue({ code: 'custom', path: [index], message: `${item} is listed twice.` });
        seen.add(key);
      });
    });
}

const domainEntry = z
  .string()
  .trim()
  .max(255, 'Use at most 255 characters.')
  .regex(HOSTNAME, 'Use a domain name such as example.com.');
const ipEntry = z
  .string()
  .trim()
  .max(64, 'Use at most 64 characters.')
  .pipe(
    z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
      error: 'Use an IP address or a CIDR range such as 203.0.113.0/24.',
    }),
  );

/** PATCH body: any subset, nothing unknown. */
export const authSettingsUpdateSchema = z.strictObject({
  multifactorAuthenticationRequired: z.boolean().optional(),
  domainAllowlistEnabled: z.boolean().optional(),
  domainAllowlist: allowlist(domainEntry).optional(),
  ipAddressAllowlist: allowlist(ipEntry).optional(),
  passwordRequirements: passwordRequirementsUpdateSchema.optional(),
  inactivityTimeoutExclusions: z.array(z.string().max(255)).max(1000).optional(),
});
export type AuthSettingsUpdate = z.infer<typeof authSettingsUpdateSchema>;

// The envelope of GET …/limits/namespaces is UNVERIFIED (genesys-api.md §6): only `name` is read.
export const limitNamespaceSchema = z.looseObject({ name: z.string() });
export const limitNamespaceListingSchema = entityListingSchema(limitNamespaceSchema);
export type LimitNamespace = z.infer<typeof limitNamespaceSchema>;

export const limitSchema = z.looseObject({ key: z.string(), namespace: z.string().optional(), value: z.number() });
export const namespaceLimitsSchema = z.looseObject({ entities: z.array(limitSchema).default([]) });
export type Limit = z.infer<typeof limitSchema>;
