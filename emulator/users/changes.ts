// Users changed behind the portal's back (fault control): somebody joins, leaves, moves to
// another division or gets other roles in the Genesys UI. Added users draw their id from a
// stream seeded by (seed, org, how many were added before), so the same calls on the same seed
// give the same ids, and an org nobody changes is still built lazily.
import type { UserRecord, UserState } from '../model';
import type { OrgState, World } from '../world';
import { seededHex, seededUuid, streamRng } from '../prng';
import { ROLE_NAMES } from '../seed/org';
import { createUserDirectory } from './directory';

export type NewUserInput = {
  name: string;
  email?: string;
  title?: string;
  department?: string;
  state?: UserState;
  divisionId?: string;
  roleIds?: string[];
};

export type UserChanges = { state?: UserState; divisionId?: string; roleIds?: string[] };

export type ChangeOutcome = { ok: true; user: UserRecord } | { ok: false; status: 400 | 404; message: string };

/** An unknown division or role is refused: the real API never holds a dangling reference. */
function checkReferences(org: OrgState, changes: UserChanges): string | undefined {
  if (changes.divisionId !== undefined && !org.divisions.some((division) => division.id === changes.divisionId))
    return `No division ${changes.divisionId} in this org.`;
  const unknown = changes.roleIds?.find((id) => !org.roles.some((role) => role.id === id));
  return unknown === undefined ? undefined : `No role ${unknown} in this org.`;
}

function uniqueEmail(org: OrgState, name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const local = ascii.replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'user';
  const taken = new Set(org.users().all.map((user) => user.email));
  for (let n = 1; ; n++) {
    const email = `${n === 1 ? local : `${local}${n}`}@${org.spec.domain}`;
    if (!taken.has(email)) return email;
  }
}

export function addUser(world: World, org: OrgState, input: NewUserInput): ChangeOutcome {
  const problem = checkReferences(org, input);
  if (problem) return { ok: false, status: 400, message: problem };
  const directory = org.users();
  const rng = streamRng(world.seed, 'added-user', org.index, directory.all.length - org.spec.userCount);
  const employee = org.roles.find((role) => role.name === ROLE_NAMES.employee);
  const user: UserRecord = {
    id: seededUuid(rng),
    name: input.name,
    email: input.email ?? uniqueEmail(org, input.name),
    title: input.title ?? 'Agent',
    department: input.department ?? 'Customer Service',
    divisionId: input.divisionId ?? org.divisions[0]?.id ?? '',
    state: input.state ?? 'active',
    version: 1,
    roleIds: input.roleIds ?? (employee ? [employee.id] : []),
    jabberId: `${seededHex(rng, 24)}@${org.spec.shortName}.orgspan.com`,
    acdAutoAnswer: false,
  };
  // The directory's indexes are immutable; a rebuilt one replaces it (tens of ms at 20 000 users).
  const next = createUserDirectory([...directory.all, user]);
  org.users = () => next;
  return { ok: true, user };
}

export function changeUser(org: OrgState, userId: string, changes: UserChanges): ChangeOutcome {
  const user = org.users().byId.get(userId);
  if (!user) return { ok: false, status: 404, message: 'No such user.' };
  const problem = checkReferences(org, changes);
  if (problem) return { ok: false, status: 400, message: problem };
  // Name and id are untouched, so the name-ordered index stays valid.
  if (changes.state !== undefined) user.state = changes.state;
  if (changes.divisionId !== undefined) user.divisionId = changes.divisionId;
  if (changes.roleIds !== undefined) user.roleIds = [...new Set(changes.roleIds)];
  user.version++;
  return { ok: true, user };
}

/** DELETE /api/v2/users/{id} keeps the record with state `deleted`, as the real API does. */
export function deleteUser(org: OrgState, userId: string): ChangeOutcome {
  const user = org.users().byId.get(userId);
  if (!user || user.state === 'deleted') return { ok: false, status: 404, message: 'No such user.' };
  return changeUser(org, userId, { state: 'deleted' });
}
