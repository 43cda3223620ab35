// Internal records of the in-memory org world. Wire shapes (what the API returns) are built
// from these by the `render-*` helpers so that stored state never leaks extra fields.

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
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type OrganizationFeatures = Record<FeatureName, boolean>;

export type Environment = 'production' | 'sandbox' | 'development' | 'test';

export type TenantSpec = {
  tenantId: string;
  displayName: string;
  region: string;
  environment: Environment;
  group?: string;
  color: string;
  userCount: number;
  shortName: string;
  domain: string;
  defaultLanguage: string;
  defaultCountryCode: string;
};

export type Organization = {
  id: string;
  name: string;
  defaultLanguage: string;
  defaultCountryCode: string;
  thirdPartyOrgName: string;
  thirdPartyURI: string;
  domain: string;
  features: OrganizationFeatures;
  version: number;
  state: 'active' | 'inactive' | 'deleted';
  defaultSiteId: string;
  supportURI: string;
  voicemailEnabled: boolean;
  productPlatform: 'GenesysCloud';
  selfUri: string;
};

export type Division = { id: string; name: string; description: string; homeDivision: boolean };

export type Role = {
  id: string;
  name: string;
  description: string;
  defaultRoleId?: string;
  permissions: string[];
  base: boolean;
  default: boolean;
};

export type UserState = 'active' | 'inactive' | 'deleted';

export type UserRecord = {
  id: string;
  name: string;
  email: string;
  title: string;
  department: string;
  divisionId: string;
  state: UserState;
  version: number;
  managerId?: string;
  dateLastLogin?: string;
  roleIds: string[];
  jabberId: string;
  phone?: string;
  acdAutoAnswer: boolean;
};

export type GrantType = 'CLIENT-CREDENTIALS' | 'CODE' | 'TOKEN' | 'SAML2-BEARER' | 'PASSWORD';

export type ClientPurpose = 'portal' | 'portal-readonly' | 'other';

export type OAuthClientRecord = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  secret: string;
  /** The secret replaced by the last rotation, accepted until `validUntil` (epoch ms). */
  previousSecret?: { value: string; validUntil: number };
  accessTokenValiditySeconds: number;
  authorizedGrantType: GrantType;
  roleDivisions: Array<{ roleId: string; divisionId: string }>;
  state: 'active' | 'disabled' | 'inactive';
  dateCreated: string;
  dateModified: string;
  createdById: string;
  rateLimitPerMinute: number;
  purpose: ClientPurpose;
};

export type OrgAuthSettings = {
  multifactorAuthenticationRequired: boolean;
  domainAllowlistEnabled: boolean;
  domainAllowlist: string[];
  ipAddressAllowlist: string[];
  passwordRequirements: {
    minimumLength: number;
    minimumDigits: number;
    minimumLetters: number;
    minimumUpper: number;
    minimumLower: number;
    minimumSpecials: number;
    minimumAgeSeconds: number;
    expirationDays: number;
  };
  inactivityTimeoutExclusions: string[];
};

/** One trust relation: `trustorOrgId` lets users of `trusteeOrgId` into it. */
export type TrustRecord = {
  trustorOrgId: string;
  trusteeOrgId: string;
  enabled: boolean;
  usesDefaultRole: boolean;
  hasFullAccess: boolean;
  dateCreated: string;
  dateExpired?: string;
  createdByUserId: string;
  permissions: string[];
};

/** A peer org outside the emulated tenants (e.g. Genesys Customer Care) seen only in trust lists. */
export type ExternalOrg = { id: string; name: string; thirdPartyOrgName: string; domain: string };
