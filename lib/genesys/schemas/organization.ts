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

/**
 * What PUT /organizations/me may change. Strict: read-only fields (id, thirdPartyOrgName,
 * features, selfUri) are not sent at all, and `version` is mandatory (stale → 409).
 */
export const organizationUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  name: z.string().trim().min(1).max(256).optional(),
  defaultLanguage: z.string().max(64).optional(),
  defaultCountryCode: z.string().max(64).optional(),
  thirdPartyURI: z.string().max(1024).optional(),
  domain: z.string().max(1024).optional(),
  defaultSiteId: z.string().max(256).optional(),
  supportURI: z.string().max(1024).optional(),
  voicemailEnabled: z.boolean().optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

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

/** PATCH body: any subset, nothing unknown. */
export const authSettingsUpdateSchema = z.strictObject({
  multifactorAuthenticationRequired: z.boolean().optional(),
  domainAllowlistEnabled: z.boolean().optional(),
  domainAllowlist: z.array(z.string().max(255)).max(1000).optional(),
  ipAddressAllowlist: z.array(z.string().max(64)).max(1000).optional(),
  passwordRequirements: z.strictObject(passwordRequirementsShape).optional(),
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
