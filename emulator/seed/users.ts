// Users of one org. Runs lazily per org (a 20 000-user org takes tens of milliseconds),
// from an org-specific stream, so the order in which orgs are touched cannot change the data.
import type { Division, Role, TenantSpec, UserRecord, UserState } from '../model';
import { type Rng, pick, randomInt, seededHex, seededUuid } from '../prng';
import { DEPARTMENTS, DEPARTMENT_WEIGHTS, FIRST_NAMES, LAST_NAMES } from './names';
import { ROLE_NAMES } from './org';
import { seededPastIso } from './dates';

export type UserSeedInput = {
  spec: TenantSpec;
  divisions: readonly Division[];
  roles: readonly Role[];
  /** Fixed id for user 0, the org admin who created the OAuth clients. */
  adminUserId: string;
};

export function seedUsers(rng: Rng, input: UserSeedInput): UserRecord[] {
  const { spec, divisions, roles } = input;
  const roleId = (name: string): string => roles.find((role) => role.name === name)?.id ?? '';
  const [employee, supervisor, admin, communicate, developer] = [
    ROLE_NAMES.employee,
    ROLE_NAMES.supervisor,
    ROLE_NAMES.admin,
    ROLE_NAMES.communicate,
    ROLE_NAMES.developer,
  ].map(roleId) as [string, string, string, string, string];
  const home = divisions[0];
  const others = divisions.slice(1);
  const managerCount = Math.max(1, Math.floor(spec.userCount * 0.06));
  const emailCounts = new Map<string, number>();
  const users: UserRecord[] = [];

  for (let index = 0; index < spec.userCount; index++) {
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const email = uniqueEmail(emailCounts, first, last, spec.domain);
    const department = weightedDepartment(rng);
    const isManager = index < managerCount;
    const division = others.length > 0 && rng() < 0.3 ? pick(rng, others) : home;
    const state = index === 0 ? 'active' : seededState(rng);
    const roleIds = [employee];
    if (index === 0 || rng() < 0.01) roleIds.push(admin);
    if (isManager) roleIds.push(supervisor);
    if (rng() < 0.05) roleIds.push(communicate);
    if (department === 'IT' && rng() < 0.4) roleIds.push(developer);
    const user: UserRecord = {
      id: index === 0 ? input.adminUserId : seededUuid(rng),
      name: `${first} ${last}`,
      email,
      title: pick(rng, DEPARTMENTS[department] ?? ['Agent']),
      department,
      divisionId: division?.id ?? '',
      state,
      version: randomInt(rng, 1, 24),
      roleIds,
      jabberId: `${seededHex(rng, 24)}@${spec.shortName}.orgspan.com`,
      acdAutoAnswer: rng() < 0.1,
    };
    if (index > 0 && rng() < 0.92) {
      const managerIndex = randomInt(rng, 0, Math.min(index, managerCount) - 1);
      user.managerId = users[managerIndex]?.id;
    }
    if (state !== 'deleted' && rng() < 0.85) user.dateLastLogin = seededPastIso(rng, 0, 180);
    if (rng() < 0.6) user.phone = `+1 317 555 ${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`;
    users.push(user);
  }
  return users;
}

function seededState(rng: Rng): UserState {
  const roll = rng();
  return roll < 0.9 ? 'active' : roll < 0.97 ? 'inactive' : 'deleted';
}

function weightedDepartment(rng: Rng): string {
  const total = DEPARTMENT_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [name, weight] of DEPARTMENT_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'Customer Service';
}

function uniqueEmail(counts: Map<string, number>, first: string, last: string, domain: string): string {
  const local = `${asciiLocalPart(first)}.${asciiLocalPart(last)}`;
  const seen = counts.get(local) ?? 0;
  counts.set(local, seen + 1);
  return `${seen === 0 ? local : `${local}${seen + 1}`}@${domain}`;
}

// Memoised: there are only ~120 distinct names, and normalize() per user is measurable at 20 000.
const localParts = new Map<string, string>();
function asciiLocalPart(name: string): string {
  let part = localParts.get(name);
  if (part === undefined) {
    part = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
    localParts.set(name, part);
  }
  return part;
}
