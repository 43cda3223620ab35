// The in-memory world: every org with its directory, clients and trust relations.
// Built purely from (seed, orgSizes); heavy parts (users, queues) materialise on first use.
import type {
  Division,
  ExternalOrg,
  Organization,
  OrgAuthSettings,
  OAuthClientRecord,
  Role,
  TenantSpec,
  TrustRecord,
  UserRecord,
} from './model';
import { type Queue, seedQueues } from './routing/index';
import { seededUuid, streamRng } from './prng';
import { tenantSpecs } from './seed/tenants';
import { defaultAuthSettings, seedDivisions, seedOrganization, seedRoles } from './seed/org';
import { seedClients } from './seed/clients';
import { seedUsers } from './seed/users';
import { externalCareOrg, seedTrusts } from './seed/trust';
import { type UserDirectory, createUserDirectory } from './users/directory';

export type OrgState = {
  index: number;
  spec: TenantSpec;
  organization: Organization;
  divisions: Division[];
  roles: Role[];
  authSettings: OrgAuthSettings;
  adminUserId: string;
  clients: OAuthClientRecord[];
  users: () => UserDirectory;
  queues: () => Queue[];
};

export type World = {
  seed: number;
  orgs: OrgState[];
  orgsById: Map<string, OrgState>;
  clientsById: Map<string, OAuthClientRecord>;
  trusts: TrustRecord[];
  externalOrgs: ExternalOrg[];
};

const queueCount = (userCount: number): number => Math.max(4, Math.min(80, Math.round(userCount / 60)));

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function buildOrg(seed: number, index: number, spec: TenantSpec): OrgState {
  const rng = streamRng(seed, 'org', index);
  const organization = seedOrganization(rng, spec);
  const divisions = seedDivisions(rng, spec.userCount);
  const roles = seedRoles(rng);
  const adminUserId = seededUuid(rng);
  const home = divisions[0] as Division;
  const clients = seedClients(rng, organization.id, roles, home, adminUserId);
  return {
    index,
    spec,
    organization,
    divisions,
    roles,
    authSettings: defaultAuthSettings(spec.domain),
    adminUserId,
    clients,
    users: lazy(() =>
      createUserDirectory(seedUsers(streamRng(seed, 'users', index), { spec, divisions, roles, adminUserId })),
    ),
    queues: lazy(() =>
      seedQueues(
        streamRng(seed, 'queues', index),
        { id: organization.id, divisionId: home.id, divisionName: home.name },
        queueCount(spec.userCount),
      ),
    ),
  };
}

export function buildWorld(seed: number, orgSizes: readonly number[]): World {
  const orgs = tenantSpecs(orgSizes).map((spec, index) => buildOrg(seed, index, spec));
  const trustRng = streamRng(seed, 'trust');
  const care = externalCareOrg(trustRng);
  const trusts = seedTrusts(
    trustRng,
    orgs.map((org) => ({ id: org.organization.id, adminUserId: org.adminUserId })),
    care,
  );
  return {
    seed,
    orgs,
    orgsById: new Map(orgs.map((org) => [org.organization.id, org])),
    clientsById: new Map(orgs.flatMap((org) => org.clients.map((client) => [client.id, client] as const))),
    trusts,
    externalOrgs: [care],
  };
}

export const findUser = (org: OrgState, id: string): UserRecord | undefined => org.users().byId.get(id);
