// What the fault-control routes do to the world. Kept apart from HTTP parsing so that tests
// (and the exported Emulator helpers) can call the same operations directly.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Core } from '../core';
import type { OAuthClientRecord, Organization } from '../model';
import type { OrgState } from '../world';
import { buildClient } from '../seed/clients';
import { clientPermissions } from '../auth/token-endpoint';
import { toIso } from '../seed/dates';

export const DEFAULT_ROTATION_GRACE_MS = 60_000;

export function rotateSecret(core: Core, client: OAuthClientRecord, graceMs = DEFAULT_ROTATION_GRACE_MS) {
  const now = core.options.now();
  client.previousSecret = { value: client.secret, validUntil: now + graceMs };
  client.secret = randomBytes(32).toString('base64url').slice(0, 43);
  client.dateModified = toIso(now);
  return { clientId: client.id, clientSecret: client.secret, previousSecretValidUntil: toIso(now + graceMs) };
}

export function setClientState(core: Core, client: OAuthClientRecord, state: OAuthClientRecord['state']): void {
  client.state = state;
  client.dateModified = toIso(core.options.now());
}

export type OrgChanges = Partial<
  Pick<
    Organization,
    'name' | 'defaultLanguage' | 'defaultCountryCode' | 'thirdPartyURI' | 'domain' | 'supportURI' | 'voicemailEnabled'
  >
>;

/** Somebody else edits the org (e.g. in the Genesys UI): the portal's version goes stale. */
export function mutateOrganization(org: OrgState, changes: OrgChanges): Organization {
  Object.assign(org.organization, changes);
  org.organization.version++;
  return structuredClone(org.organization);
}

export type NewClientInput = {
  name?: string;
  permissions: string[];
  rateLimitPerMinute?: number;
  accessTokenValiditySeconds?: number;
  authorizedGrantType?: OAuthClientRecord['authorizedGrantType'];
};

/** Adds a client holding exactly `permissions`, through a dedicated custom role. */
export function addClient(core: Core, org: OrgState, input: NewClientInput) {
  const rng = () => randomBytes(4).readUInt32BE(0) / 4294967296;
  const name = input.name ?? `Test client ${org.clients.length + 1}`;
  const now = toIso(core.options.now());
  const role = {
    id: randomUUID(),
    name: `${name} role`,
    description: 'Created by fault control',
    permissions: [...input.permissions],
    base: false,
    default: false,
  };
  org.roles.push(role);
  const home = org.divisions[0];
  const client = buildClient(rng, org.organization.id, {
    name,
    description: 'Created by fault control',
    authorizedGrantType: input.authorizedGrantType ?? 'CLIENT-CREDENTIALS',
    purpose: 'other',
    roleDivisions: home ? [{ roleId: role.id, divisionId: home.id }] : [],
    createdById: org.adminUserId,
    dateCreated: now,
    accessTokenValiditySeconds: input.accessTokenValiditySeconds,
    rateLimitPerMinute: input.rateLimitPerMinute,
  });
  org.clients.push(client);
  core.world.clientsById.set(client.id, client);
  return describeClient(org, client);
}

/** Control-plane view of a client: unlike the API, it includes the secret. */
export const describeClient = (org: OrgState, client: OAuthClientRecord) => ({
  tenantId: org.spec.tenantId,
  orgId: org.organization.id,
  clientId: client.id,
  clientSecret: client.secret,
  name: client.name,
  purpose: client.purpose,
  state: client.state,
  authorizedGrantType: client.authorizedGrantType,
  rateLimitPerMinute: client.rateLimitPerMinute,
  accessTokenValiditySeconds: client.accessTokenValiditySeconds,
  permissions: clientPermissions(org, client),
});
