// User wire shape (genesys-api.md §7). Optional parts appear only when expanded, as on the
// real API, so a portal that forgets `expand` sees the same gaps it would in production.
import type { UserRecord } from '../model';
import type { OrgState } from '../world';

export const USER_EXPANDS = [
  'routingStatus',
  'presence',
  'integrationPresence',
  'conversationSummary',
  'outOfOffice',
  'geolocation',
  'station',
  'authorization',
  'lasttokenissued',
  'authorization.unusedRoles',
  'team',
  'workPlanBidRanks',
  'externalContactsSettings',
  'groups',
  'customAttributes',
  'profileSkills',
  'certifications',
  'locations',
  'skills',
  'languages',
  'languagePreference',
  'employerInfo',
  'biography',
  'dateLastLogin',
  'dateWelcomeSent',
  // Not in the SDK's expand enum; the emulator accepts it to inline the manager (emulator choice).
  'manager',
] as const;

const divisionRef = (org: OrgState, id: string) => {
  const division = org.divisions.find((candidate) => candidate.id === id);
  return { id, name: division?.name ?? '', selfUri: `/api/v2/authorization/divisions/${id}` };
};

export function renderUser(org: OrgState, user: UserRecord, expand: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: user.id,
    name: user.name,
    division: divisionRef(org, user.divisionId),
    chat: { jabberId: user.jabberId },
    department: user.department,
    email: user.email,
    primaryContactInfo: [{ address: user.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: user.phone
      ? [{ address: user.phone.replace(/\s/g, ''), display: user.phone, mediaType: 'PHONE', type: 'WORK' }]
      : [],
    state: user.state,
    title: user.title,
    username: user.email,
    images: [],
    version: user.version,
    acdAutoAnswer: user.acdAutoAnswer,
    selfUri: `/api/v2/users/${user.id}`,
  };
  if (user.managerId) out.manager = managerRef(org, user.managerId, expand.has('manager'));
  if (expand.has('dateLastLogin') && user.dateLastLogin) out.dateLastLogin = user.dateLastLogin;
  if (expand.has('authorization')) out.authorization = renderAuthorization(org, user);
  return out;
}

function managerRef(org: OrgState, managerId: string, expanded: boolean): Record<string, unknown> {
  const manager = org.users().byId.get(managerId);
  if (expanded && manager) return renderUser(org, manager, new Set());
  return { id: managerId, selfUri: `/api/v2/users/${managerId}` };
}

function renderAuthorization(org: OrgState, user: UserRecord) {
  const roles = user.roleIds.flatMap((id) => org.roles.filter((role) => role.id === id));
  return {
    roles: roles.map((role) => ({ id: role.id, name: role.name })),
    unusedRoles: [],
    permissions: [...new Set(roles.flatMap((role) => role.permissions))].sort(),
    permissionPolicies: [],
  };
}
