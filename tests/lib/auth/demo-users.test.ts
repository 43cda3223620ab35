import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '@/lib/auth/capabilities';
import { createDemoUserStore, createDemoUsers } from '@/lib/auth/demo-users';
import { filterGrantedTenants } from '@/lib/auth/grants';
import { verifyPassword } from '@/lib/auth/passwords';
import { parseEnv } from '@/lib/env';
import { DEFAULT_ORG_SIZES, tenantSpecs } from '@/emulator/seed/tenants';
import { TEST_COST } from './user-fixtures';

// The emulator's six demo tenants, groups included: the grants must name real ones.
const DEMO_TENANTS = tenantSpecs(DEFAULT_ORG_SIZES).map(({ tenantId, group }) => ({ tenantId, group }));

describe('demo users', () => {
  it('are exactly three, with stable ids, roles and exact grants', async () => {
    const users = await createDemoUsers({ mode: 'embedded-demo', cost: TEST_COST });
    expect(users.map(({ id, email, role, grants, disabled }) => ({ id, email, role, grants, disabled }))).toEqual([
      { id: 'demo-admin', email: 'admin@demo.test', role: 'admin', grants: { all: true }, disabled: false },
      {
        id: 'demo-ops',
        email: 'ops@demo.test',
        role: 'ops',
        grants: { tenants: ['acme-prod', 'acme-sandbox', 'globex-eu', 'stark-uk'], groups: [] },
        disabled: false,
      },
      {
        id: 'demo-auditor',
        email: 'auditor@demo.test',
        role: 'auditor',
        grants: { tenants: ['acme-sandbox', 'initech-apac'], groups: [] },
        disabled: false,
      },
    ]);
    const granted = users.map((user) => filterGrantedTenants(user, DEMO_TENANTS).map((t) => t.tenantId));
    expect(granted).toEqual([
      DEMO_TENANTS.map((t) => t.tenantId),
      ['acme-prod', 'acme-sandbox', 'globex-eu', 'stark-uk'],
      ['acme-sandbox', 'initech-apac'],
    ]);
    expect(DEMO_TENANTS).toHaveLength(6);
    expect(capabilitiesOf(users[2]!.role)).not.toContain('org.edit');
  });

  it('use DEMO_PASSWORD, default "demo"', async () => {
    const [byDefault] = await createDemoUsers({ mode: 'embedded-demo', cost: TEST_COST });
    expect(await verifyPassword('demo', byDefault!.passwordHash)).toBe(true);
    const store = await createDemoUserStore({ mode: 'embedded-demo', password: 'other-pass', cost: TEST_COST });
    const ops = await store.findByEmail('OPS@demo.test');
    expect(await verifyPassword('other-pass', ops!.passwordHash)).toBe(true);
    expect(await verifyPassword('demo', ops!.passwordHash)).toBe(false);
  });

  it('DEMO_PASSWORD defaults to "demo" (also when set empty); PORTAL_USERS_FILE is optional', () => {
    expect(parseEnv({}).DEMO_PASSWORD).toBe('demo');
    expect(parseEnv({ DEMO_PASSWORD: '' }).DEMO_PASSWORD).toBe('demo');
    expect(parseEnv({ DEMO_PASSWORD: 'let-me-in' }).DEMO_PASSWORD).toBe('let-me-in');
    expect(parseEnv({}).PORTAL_USERS_FILE).toBeUndefined();
    expect(parseEnv({ PORTAL_USERS_FILE: ' /etc/portal/users.json ' }).PORTAL_USERS_FILE).toBe(
      '/etc/portal/users.json',
    );
  });

  it('do not exist outside the embedded demo', async () => {
    await expect(createDemoUsers({ mode: 'configured', cost: TEST_COST })).rejects.toThrow(/embedded-demo/);
  });
});
