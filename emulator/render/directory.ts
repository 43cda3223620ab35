// Wire shapes of divisions, roles and OAuth clients (genesys-api.md §8).
import type { Division, OAuthClientRecord, Role } from '../model';
import type { OrgState } from '../world';

export const renderDivision = (division: Division, objectCounts?: Record<string, number>) => ({
  id: division.id,
  name: division.name,
  description: division.description,
  homeDivision: division.homeDivision,
  ...(objectCounts ? { objectCounts } : {}),
  selfUri: `/api/v2/authorization/divisions/${division.id}`,
});

export const renderRole = (role: Role, userCount?: number) => ({
  id: role.id,
  name: role.name,
  description: role.description,
  ...(role.defaultRoleId ? { defaultRoleId: role.defaultRoleId } : {}),
  permissions: role.permissions,
  permissionPolicies: [],
  ...(userCount === undefined ? {} : { userCount }),
  base: role.base,
  default: role.default,
  selfUri: `/api/v2/authorization/roles/${role.id}`,
});

/** Users holding each role, deleted users excluded. */
export function roleUserCounts(org: OrgState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const user of org.users().all) {
    if (user.state === 'deleted') continue;
    for (const roleId of user.roleIds) counts.set(roleId, (counts.get(roleId) ?? 0) + 1);
  }
  return counts;
}

const userRef = (id: string) => ({ id, selfUri: `/api/v2/users/${id}` });

// `secret` is never rendered: whether GET returns it is UNVERIFIED (genesys-api.md §8), and a
// portal must not come to depend on reading secrets back.
export function renderClient(client: OAuthClientRecord) {
  const userFacing = client.authorizedGrantType === 'CODE' || client.authorizedGrantType === 'TOKEN';
  return {
    id: client.id,
    name: client.name,
    accessTokenValiditySeconds: client.accessTokenValiditySeconds,
    description: client.description,
    registeredRedirectUri: userFacing ? [`https://apps.example/${client.id.slice(0, 8)}/callback`] : [],
    roleIds: client.roleDivisions.map((grant) => grant.roleId),
    dateCreated: client.dateCreated,
    dateModified: client.dateModified,
    createdBy: userRef(client.createdById),
    modifiedBy: userRef(client.createdById),
    authorizedGrantType: client.authorizedGrantType,
    scope: userFacing ? ['users:readonly', 'user-basic-info'] : [],
    roleDivisions: client.roleDivisions,
    state: client.state,
    selfUri: `/api/v2/oauth/clients/${client.id}`,
  };
}
