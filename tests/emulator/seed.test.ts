import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { call, credentialOf, getToken } from './support/direct';

type User = { id: string; name: string; email: string; state: string; manager?: { id: string } };

async function allUsers(emulator: ReturnType<typeof createEmulator>, tenant: string): Promise<User[]> {
  const token = await getToken(emulator, credentialOf(emulator, tenant));
  const users: User[] = [];
  for (let page = 1; ; page++) {
    const { json } = await call(emulator, token, `/api/v2/users?state=any&pageSize=500&pageNumber=${page}`);
    const entities = (json as { entities: User[] }).entities;
    if (entities.length === 0) return users;
    users.push(...entities);
  }
}

describe('seeded data', () => {
  it('has the six demo tenants with the default sizes, regions, environments and groups', async () => {
    const emulator = createEmulator();
    const tenants = emulator.listTenantCredentials();
    expect(
      tenants.map((tenant) => [tenant.tenantId, tenant.displayName, tenant.region, tenant.environment, tenant.group]),
    ).toEqual([
      ['acme-prod', 'Acme Corp', 'mypurecloud.com', 'production', 'Acme'],
      ['acme-sandbox', 'Acme Corp (sandbox)', 'mypurecloud.com', 'sandbox', 'Acme'],
      ['globex-eu', 'Globex Europe', 'mypurecloud.de', 'production', 'Globex'],
      ['initech-apac', 'Initech APAC', 'mypurecloud.com.au', 'production', undefined],
      ['umbrella-ca', 'Umbrella Canada', 'cac1.pure.cloud', 'development', undefined],
      ['stark-uk', 'Stark UK', 'euw2.pure.cloud', 'test', undefined],
    ]);
    expect(new Set(tenants.map((tenant) => tenant.color)).size).toBe(6);
    expect(tenants.every((tenant) => /^#[0-9a-f]{6}$/.test(tenant.color ?? ''))).toBe(true);
    expect(new Set(tenants.map((tenant) => tenant.orgId)).size).toBe(6);
    const acme = await getToken(emulator, tenants[0]!);
    const { json } = await call(emulator, acme, '/api/v2/users?state=any&pageSize=1');
    expect(json.total).toBe(20_000);
  });

  it('is deterministic: same seed, same users and credentials; another seed differs', async () => {
    const sizes = [150, 40];
    const [a, b, c] = [
      createEmulator({ orgSizes: sizes, seed: 7 }),
      createEmulator({ orgSizes: sizes, seed: 7 }),
      createEmulator({ orgSizes: sizes, seed: 8 }),
    ];
    expect(a.listTenantCredentials()).toEqual(b.listTenantCredentials());
    expect(a.readOnlyCredential('acme-prod')).toEqual(b.readOnlyCredential('acme-prod'));
    expect(a.listTenantCredentials()[0]?.clientId).not.toBe(c.listTenantCredentials()[0]?.clientId);
    const [usersA, usersB] = [await allUsers(a, 'acme-prod'), await allUsers(b, 'acme-prod')];
    expect(usersA).toEqual(usersB);
    expect(usersA).not.toEqual(await allUsers(c, 'acme-prod'));
    const orgA = (await call(a, await getToken(a, credentialOf(a, 'acme-sandbox')), '/api/v2/organizations/me')).json;
    const orgB = (await call(b, await getToken(b, credentialOf(b, 'acme-sandbox')), '/api/v2/organizations/me')).json;
    expect(orgA).toEqual(orgB);
  });

  it('generates a realistic user mix with unique emails at the org domain', async () => {
    const emulator = createEmulator({ orgSizes: [2000] });
    const users = await allUsers(emulator, 'acme-prod');
    const byState = (state: string) => users.filter((user) => user.state === state).length / users.length;
    expect(byState('active')).toBeGreaterThan(0.85);
    expect(byState('inactive')).toBeGreaterThan(0.03);
    expect(byState('deleted')).toBeGreaterThan(0.01);
    expect(new Set(users.map((user) => user.email)).size).toBe(users.length);
    expect(users.every((user) => user.email.endsWith('@acme.example'))).toBe(true);
    expect(users.filter((user) => user.manager).length / users.length).toBeGreaterThan(0.85);
    const ids = new Set(users.map((user) => user.id));
    expect(users.every((user) => !user.manager || ids.has(user.manager.id))).toBe(true);
  });

  it('derives extra orgs when orgSizes is longer than the demo list', () => {
    const tenants = createEmulator({ orgSizes: [5, 5, 5, 5, 5, 5, 5, 5] }).listTenantCredentials();
    expect(tenants).toHaveLength(8);
    expect(tenants.slice(6).map((tenant) => tenant.tenantId)).toEqual(['tenant-07', 'tenant-08']);
    expect(new Set(tenants.map((tenant) => tenant.region)).size).toBeGreaterThanOrEqual(3);
    expect(() => createEmulator({ orgSizes: [] })).toThrow(RangeError);
  });
});
