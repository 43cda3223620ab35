/**
 * The embedded demo's three users, one per role, built in memory at start. Only for
 * PORTAL_MODE=embedded-demo (the launcher binds 127.0.0.1 there): a configured portal never
 * gets a built-in account, so there is no default password to forget to change.
 */
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from './passwords';
import type { StoredPortalUser, TenantGrants } from './types';
import { createMemoryUserStore, type UserStore } from './user-store';

export const DEMO_USER_GRANTS = {
  'admin@demo.test': { all: true },
  'ops@demo.test': { tenants: ['acme-prod', 'acme-sandbox', 'globex-eu', 'stark-uk'], groups: [] },
  'auditor@demo.test': { tenants: ['acme-sandbox', 'initech-apac'], groups: [] },
} as const satisfies Record<string, TenantGrants>;

export interface DemoUsersOptions {
  mode: 'configured' | 'embedded-demo';
  /** DEMO_PASSWORD; `demo` when unset. */
  password?: string;
  cost?: ScryptCost;
}

export async function createDemoUsers(options: DemoUsersOptions): Promise<StoredPortalUser[]> {
  if (options.mode !== 'embedded-demo') throw new Error('demo users exist only in PORTAL_MODE=embedded-demo');
  // One hash shared by the three: start-up pays for scrypt once.
  const passwordHash = await hashPassword(options.password ?? 'demo', options.cost ?? DEFAULT_SCRYPT_COST);
  const now = new Date().toISOString();
  const user = (id: string, email: keyof typeof DEMO_USER_GRANTS, name: string, role: StoredPortalUser['role']) => {
    const grants = DEMO_USER_GRANTS[email];
    const copy: TenantGrants = 'all' in grants ? { all: true } : { tenants: [...grants.tenants], groups: [] };
    return { id, email, name, role, grants: copy, disabled: false, passwordHash, createdAt: now, updatedAt: now };
  };
  return [
    user('demo-admin', 'admin@demo.test', 'Demo Admin', 'admin'),
    user('demo-ops', 'ops@demo.test', 'Demo Ops', 'ops'),
    user('demo-auditor', 'auditor@demo.test', 'Demo Auditor', 'auditor'),
  ];
}

export async function createDemoUserStore(options: DemoUsersOptions): Promise<UserStore> {
  return createMemoryUserStore(await createDemoUsers(options));
}
