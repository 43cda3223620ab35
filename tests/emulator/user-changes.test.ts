// Fault control for users: a joiner, a move, a role change and a leaver made "in the Genesys UI",
// visible through the API exactly as the real one would show them.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/index';
import { call, credentialOf, getToken } from './support/direct';
import { control } from './support/control';

type ApiUser = {
  id: string;
  name: string;
  email: string;
  state: string;
  version: number;
  division: { id: string; name: string };
  authorization?: { roles: Array<{ id: string; name: string }> };
};
type Ref = { id: string; name: string };

const SIZES = [40, 20];

async function setup(emulator: Emulator = createEmulator({ orgSizes: SIZES, faultControl: true })) {
  const token = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
  const api = (path: string, init?: Parameters<typeof call>[3]) => call(emulator, token, path, init);
  const divisions = (await api('/api/v2/authorization/divisions?pageSize=100')).json.entities as Ref[];
  const roles = (await api('/api/v2/authorization/roles?pageSize=100')).json.entities as Ref[];
  const search = async (states: string[]) =>
    (
      await api('/api/v2/users/search', {
        method: 'POST',
        body: {
          pageSize: 100,
          expand: ['authorization'],
          query: [{ type: 'EXACT', fields: ['state'], values: states }],
        },
      })
    ).json.results as ApiUser[];
  return { emulator, api, divisions, roles, search };
}

const roleNamed = (roles: Ref[], name: string) => {
  const role = roles.find((candidate) => candidate.name === name);
  if (!role) throw new Error(`no role ${name}`);
  return role;
};

describe('POST /__emulator/tenants/{tenant}/users', () => {
  it('adds an active user in the home division with the employee role, found by list, get and search', async () => {
    const { emulator, api, divisions, roles, search } = await setup();
    const before = (await search(['active', 'inactive'])).length;
    const added = await control<ApiUser & { divisionId: string; roleIds: string[] }>(
      emulator,
      'POST',
      '/tenants/acme-prod/users',
      { name: 'Zoë Joiner' },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Zoë Joiner', state: 'active', version: 1 });
    expect(added.body.email).toBe('zoe.joiner@acme.example');
    expect(added.body.divisionId).toBe(divisions[0]?.id);
    expect(added.body.roleIds).toEqual([roleNamed(roles, 'employee').id]);

    const got = await api(`/api/v2/users/${added.body.id}?expand=authorization`);
    expect(got.status).toBe(200);
    expect((got.json as unknown as ApiUser).authorization?.roles.map((role) => role.name)).toEqual(['employee']);
    const after = await search(['active', 'inactive']);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((user) => user.id === added.body.id)).toHaveLength(1);
  });

  it('takes a division, roles and state; same seed and calls → same ids, other orgs untouched', async () => {
    const first = await setup();
    const division = first.divisions[1];
    const supervisor = roleNamed(first.roles, 'Supervisor');
    const body = { name: 'Ann Other', state: 'inactive', divisionId: division?.id, roleIds: [supervisor.id] };
    const a1 = await control<{ id: string; divisionId: string }>(
      first.emulator,
      'POST',
      '/tenants/acme-prod/users',
      body,
    );
    const a2 = await control<{ id: string }>(first.emulator, 'POST', '/tenants/acme-prod/users', { name: 'B Other' });
    expect(a1.body).toMatchObject({ state: 'inactive', divisionId: division?.id, roleIds: [supervisor.id] });
    expect(a1.body.id).not.toBe(a2.body.id);

    const second = await setup();
    const b1 = await control<{ id: string }>(second.emulator, 'POST', '/tenants/acme-prod/users', body);
    const b2 = await control<{ id: string }>(second.emulator, 'POST', '/tenants/acme-prod/users', { name: 'B Other' });
    expect([b1.body.id, b2.body.id]).toEqual([a1.body.id, a2.body.id]);

    const untouched = createEmulator({ orgSizes: SIZES });
    const sandbox = async (emulator: Emulator) =>
      (
        await call(
          emulator,
          await getToken(emulator, credentialOf(emulator, 'acme-sandbox')),
          '/api/v2/users?state=any',
        )
      ).text;
    expect(await sandbox(first.emulator)).toBe(await sandbox(untouched));
  });

  it('refuses an unknown division or role, an unknown field and an unknown tenant', async () => {
    const { emulator } = await setup();
    const refused = [
      await control(emulator, 'POST', '/tenants/acme-prod/users', { name: 'X', divisionId: 'nope' }),
      await control(emulator, 'POST', '/tenants/acme-prod/users', { name: 'X', roleIds: ['nope'] }),
      await control(emulator, 'POST', '/tenants/acme-prod/users', { name: 'X', tenantId: 'acme-prod' }),
      await control(emulator, 'POST', '/tenants/acme-prod/users', {}),
    ];
    expect(refused.map((reply) => reply.status)).toEqual([400, 400, 400, 400]);
    expect((await control(emulator, 'POST', '/tenants/tenant-99/users', { name: 'X' })).status).toBe(404);
  });
});

describe('PATCH and DELETE /__emulator/tenants/{tenant}/users/{userId}', () => {
  it('changes state, division and roles (version bumped), as the API then shows', async () => {
    const { emulator, api, divisions, roles, search } = await setup();
    const [user] = await search(['active']);
    if (!user) throw new Error('no active user');
    const division = divisions.find((candidate) => candidate.id !== user.division.id);
    const developer = roleNamed(roles, 'Developer');
    const patched = await control<{ version: number }>(emulator, 'PATCH', `/tenants/acme-prod/users/${user.id}`, {
      state: 'inactive',
      divisionId: division?.id,
      roleIds: [developer.id, developer.id],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(user.version + 1);
    const shown = (await api(`/api/v2/users/${user.id}?expand=authorization`)).json as unknown as ApiUser;
    expect(shown).toMatchObject({ state: 'inactive', division: { id: division?.id, name: division?.name } });
    expect(shown.authorization?.roles).toEqual([{ id: developer.id, name: 'Developer' }]);
  });

  it('refuses an unknown user, division or field', async () => {
    const { emulator, search } = await setup();
    const [user] = await search(['active']);
    const path = `/tenants/acme-prod/users/${user?.id}`;
    expect((await control(emulator, 'PATCH', '/tenants/acme-prod/users/nobody', { state: 'active' })).status).toBe(404);
    expect((await control(emulator, 'PATCH', path, { divisionId: 'nowhere' })).status).toBe(400);
    expect((await control(emulator, 'PATCH', path, { name: 'Renamed' })).status).toBe(400);
    expect((await control(emulator, 'GET', path)).status).toBe(405);
  });

  it('deletes: the user leaves default searches and GET, stays findable by state, and a second delete is 404', async () => {
    const { emulator, api, search } = await setup();
    const [user] = await search(['active']);
    if (!user) throw new Error('no active user');
    const deleted = await control<{ state: string }>(emulator, 'DELETE', `/tenants/acme-prod/users/${user.id}`);
    expect([deleted.status, deleted.body.state]).toEqual([200, 'deleted']);
    expect((await api(`/api/v2/users/${user.id}`)).status).toBe(404);
    expect((await api(`/api/v2/users/${user.id}?state=deleted`)).status).toBe(200);
    expect((await search(['active', 'inactive'])).some((found) => found.id === user.id)).toBe(false);
    expect((await search(['deleted'])).some((found) => found.id === user.id)).toBe(true);
    expect((await control(emulator, 'DELETE', `/tenants/acme-prod/users/${user.id}`)).status).toBe(404);
  });

  it('is not reachable without fault control', async () => {
    const off = createEmulator({ orgSizes: SIZES });
    expect((await control(off, 'POST', '/tenants/acme-prod/users', { name: 'X' })).status).toBe(404);
  });
});
