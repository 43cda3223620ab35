/**
 * The portal users of the cluster run, in a PORTAL_USERS_FILE (PORTAL_MODE=configured, as in
 * production). One user per concern, so that a sign-out (which revokes every session of that
 * user) or a login lockout in one test never touches another test's user.
 */
import { writeFileSync } from 'node:fs';
import { hashPassword } from '../../../lib/auth/passwords';
import type { Role, TenantGrants } from '../../../lib/auth/types';

export const CLUSTER_USERS = {
  /** Switches tenants in the browser, then signs out (revokes its sessions). */
  switcher: { id: 'switcher', role: 'ops', grants: { all: true } },
  /** Edits the org on A, reads the audit log on B. */
  editor: { id: 'editor', role: 'admin', grants: { all: true } },
  /** Gets locked out by failed logins spread over both instances. */
  locked: { id: 'locked', role: 'ops', grants: { all: true } },
  /** Stampede and rate-limit load. */
  loader: { id: 'loader', role: 'ops', grants: { all: true } },
  /** The fault drills: background load, audited logins, audit reads. */
  driller: { id: 'driller', role: 'admin', grants: { all: true } },
} as const satisfies Record<string, { id: string; role: Role; grants: TenantGrants }>;

export type ClusterUserName = keyof typeof CLUSTER_USERS;
export type Credentials = { email: string; password: string };

export async function writeUsersFile(path: string, password: string): Promise<Record<ClusterUserName, Credentials>> {
  // A low scrypt cost keeps a login cheap on this 2-core machine; the parameters travel with
  // the hash, so the portal verifies it as it would any other.
  const passwordHash = await hashPassword(password, { N: 2 ** 12, r: 8, p: 1 });
  const now = new Date().toISOString();
  const users = Object.values(CLUSTER_USERS).map((user) => ({
    ...user,
    email: `${user.id}@cluster.test`,
    name: `Cluster ${user.id}`,
    disabled: false,
    passwordHash,
    createdAt: now,
    updatedAt: now,
  }));
  writeFileSync(path, JSON.stringify({ users }, null, 2), { mode: 0o600 });
  const names = Object.keys(CLUSTER_USERS) as ClusterUserName[];
  return Object.fromEntries(names.map((name) => [name, { email: `${name}@cluster.test`, password }])) as Record<
    ClusterUserName,
    Credentials
  >;
}
