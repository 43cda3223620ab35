// OAuth clients of one org: the portal pair the contract relies on, plus a few bystanders so
// the clients list looks like a real org's.
import type { Division, GrantType, OAuthClientRecord, Role } from '../model';
import { type Rng, seededSecret, seededUuid } from '../prng';
import { ROLE_NAMES } from './org';
import { seededPastIso } from './dates';

export const DEFAULT_TOKEN_VALIDITY_SECONDS = 86_400;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

type ClientDraft = Pick<OAuthClientRecord, 'name' | 'description' | 'authorizedGrantType' | 'purpose'> & {
  roleNames: string[];
};

const DRAFTS: readonly ClientDraft[] = [
  {
    name: 'Tenant Portal',
    description: 'Multi-org admin portal',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    purpose: 'portal',
    roleNames: [ROLE_NAMES.portal],
  },
  {
    name: 'Tenant Portal (read-only)',
    description: 'Portal read-only access',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    purpose: 'portal-readonly',
    roleNames: [ROLE_NAMES.portalReadOnly],
  },
  {
    name: 'Data Actions',
    description: 'Architect data actions',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    purpose: 'other',
    roleNames: [ROLE_NAMES.developer],
  },
  {
    name: 'Agent Desktop',
    description: 'Embedded client app',
    authorizedGrantType: 'TOKEN',
    purpose: 'other',
    roleNames: [],
  },
  {
    name: 'WFM Connector',
    description: 'Workforce management sync',
    authorizedGrantType: 'CODE',
    purpose: 'other',
    roleNames: [],
  },
];

export function seedClients(
  rng: Rng,
  orgId: string,
  roles: readonly Role[],
  home: Division,
  createdById: string,
): OAuthClientRecord[] {
  return DRAFTS.map((draft) =>
    buildClient(rng, orgId, {
      ...draft,
      roleDivisions: draft.roleNames.flatMap((name) => {
        const role = roles.find((candidate) => candidate.name === name);
        return role ? [{ roleId: role.id, divisionId: home.id }] : [];
      }),
      createdById,
      dateCreated: seededPastIso(rng, 30, 400),
    }),
  );
}

export type ClientInput = {
  name: string;
  description: string;
  authorizedGrantType: GrantType;
  purpose: OAuthClientRecord['purpose'];
  roleDivisions: OAuthClientRecord['roleDivisions'];
  createdById: string;
  dateCreated: string;
  accessTokenValiditySeconds?: number;
  rateLimitPerMinute?: number;
};

export function buildClient(rng: Rng, orgId: string, input: ClientInput): OAuthClientRecord {
  return {
    id: seededUuid(rng),
    orgId,
    name: input.name,
    description: input.description,
    secret: seededSecret(rng),
    accessTokenValiditySeconds: input.accessTokenValiditySeconds ?? DEFAULT_TOKEN_VALIDITY_SECONDS,
    authorizedGrantType: input.authorizedGrantType,
    roleDivisions: input.roleDivisions,
    state: 'active',
    dateCreated: input.dateCreated,
    dateModified: input.dateCreated,
    createdById: input.createdById,
    rateLimitPerMinute: input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    purpose: input.purpose,
  };
}
