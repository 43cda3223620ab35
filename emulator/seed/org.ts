// Organization, divisions, roles and auth settings of one seeded org.
import type { Division, Organization, OrgAuthSettings, Role, TenantSpec } from '../model';
import { PORTAL_PERMISSIONS, PORTAL_READONLY_PERMISSIONS } from '../auth/permission-names';
import { type Rng, randomInt, seededUuid } from '../prng';

export function seedOrganization(rng: Rng, spec: TenantSpec): Organization {
  const id = seededUuid(rng);
  const contactCenter = spec.environment !== 'development' || rng() < 0.5;
  return {
    id,
    name: spec.displayName,
    defaultLanguage: spec.defaultLanguage,
    defaultCountryCode: spec.defaultCountryCode,
    thirdPartyOrgName: spec.shortName,
    thirdPartyURI: `https://${spec.domain}`,
    domain: spec.domain,
    features: {
      realtimeCIC: false,
      purecloud: true,
      hipaa: spec.environment === 'production' && rng() < 0.3,
      ucEnabled: true,
      pci: rng() < 0.2,
      purecloudVoice: rng() < 0.7,
      xmppFederation: false,
      chat: true,
      informalPhotos: rng() < 0.5,
      directory: true,
      contactCenter,
      unifiedCommunications: true,
      custserv: contactCenter,
    },
    version: randomInt(rng, 3, 40),
    state: 'active',
    defaultSiteId: seededUuid(rng),
    supportURI: `support@${spec.domain}`,
    voicemailEnabled: rng() < 0.8,
    productPlatform: 'GenesysCloud',
    // selfUri form for organizations is UNVERIFIED (genesys-api.md §6); relative /api/v2 is the norm.
    selfUri: `/api/v2/organizations/${id}`,
  };
}

const EXTRA_DIVISIONS = ['Sales', 'Support', 'Operations', 'Back Office'] as const;

export function seedDivisions(rng: Rng, userCount: number): Division[] {
  const extra = userCount >= 500 ? 4 : userCount >= 100 ? 2 : 1;
  const home: Division = { id: seededUuid(rng), name: 'Home', description: 'Home Division', homeDivision: true };
  return [
    home,
    ...EXTRA_DIVISIONS.slice(0, extra).map((name) => ({
      id: seededUuid(rng),
      name,
      description: `${name} division`,
      homeDivision: false,
    })),
  ];
}

export const ROLE_NAMES = {
  admin: 'admin',
  employee: 'employee',
  supervisor: 'Supervisor',
  communicate: 'Communicate - User',
  developer: 'Developer',
  portal: 'Tenant Portal',
  portalReadOnly: 'Tenant Portal (read-only)',
} as const;

export function seedRoles(rng: Rng): Role[] {
  const builtIn = (name: string, defaultRoleId: string, permissions: string[], base = false): Role => ({
    id: seededUuid(rng),
    name,
    description: `Default ${name} role`,
    defaultRoleId,
    permissions,
    base,
    default: true,
  });
  const custom = (name: string, description: string, permissions: readonly string[]): Role => ({
    id: seededUuid(rng),
    name,
    description,
    permissions: [...permissions],
    base: false,
    default: false,
  });
  return [
    builtIn(
      ROLE_NAMES.admin,
      'admin',
      ['admin', 'directory:*:*', 'authorization:*:*', 'oauth:*:*', 'routing:*:*', 'analytics:*:*'],
      true,
    ),
    builtIn(ROLE_NAMES.employee, 'employee', ['directory:user:view', 'directory:group:view', 'chat:chat:access']),
    builtIn(ROLE_NAMES.supervisor, 'supervisor', [
      'directory:user:view',
      'routing:queue:view',
      'analytics:conversationAggregate:view',
      'analytics:queueObservation:view',
    ]),
    builtIn(ROLE_NAMES.communicate, 'communicateUser', [
      'directory:user:view',
      'chat:chat:access',
      'conversation:communication:view',
    ]),
    builtIn(ROLE_NAMES.developer, 'developer', [
      'oauth:client:view',
      'integrations:integration:view',
      'architect:flow:view',
    ]),
    custom(ROLE_NAMES.portal, 'Grants the tenant portal its admin access', PORTAL_PERMISSIONS),
    custom(ROLE_NAMES.portalReadOnly, 'Grants the tenant portal read access only', PORTAL_READONLY_PERMISSIONS),
  ];
}

export const defaultAuthSettings = (domain: string): OrgAuthSettings => ({
  multifactorAuthenticationRequired: false,
  domainAllowlistEnabled: false,
  domainAllowlist: [domain],
  ipAddressAllowlist: [],
  passwordRequirements: {
    minimumLength: 8,
    minimumDigits: 1,
    minimumLetters: 1,
    minimumUpper: 1,
    minimumLower: 1,
    minimumSpecials: 0,
    minimumAgeSeconds: 0,
    expirationDays: 90,
  },
  inactivityTimeoutExclusions: [],
});
