// Every typed resource function against the emulator: the schemas accept what the (faithful)
// emulator serves, and the functions send what the API expects.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  getAuthSettings,
  getNamespaceLimits,
  getOrganization,
  listLimitNamespaces,
  setFeature,
  updateAuthSettings,
  updateOrganization,
} from '@/lib/genesys/organization';
import { getUser, listUsers, searchUsers } from '@/lib/genesys/users';
import { listDivisions, listRoles } from '@/lib/genesys/authorization';
import { listOAuthClients } from '@/lib/genesys/oauth-clients';
import { getTokenInfo } from '@/lib/genesys/tokens-info';
import { listTrustees, listTrustors } from '@/lib/genesys/trust';
import { listQueues } from '@/lib/genesys/routing';
import { queryConversationAggregates } from '@/lib/genesys/analytics';
import { paginateEntities } from '@/lib/genesys/paginate';
import { createHarness } from './support/fakes';
import { setupEmulator } from './support/emulator';

const env = setupEmulator([60, 25]);
const harness = () => createHarness(env.mounted.baseUrl, env.clock);

describe('organization', () => {
  it('reads, updates with version, toggles a feature, reads and patches auth settings', async () => {
    const { client } = harness();
    const tenant = env.tenant();
    const org = await getOrganization(client, tenant);
    expect(org).toMatchObject({ id: tenant.orgId, version: expect.any(Number) as number });
    const updated = await updateOrganization(client, tenant, { version: org.version, supportURI: 'help@acme.example' });
    expect(updated).toMatchObject({ supportURI: 'help@acme.example', version: org.version + 1 });

    const features = await setFeature(client, tenant, 'chat', false);
    expect(features.chat).toBe(false);

    const settings = await getAuthSettings(client, tenant);
    expect(settings.passwordRequirements?.minimumLength).toEqual(expect.any(Number));
    const patched = await updateAuthSettings(client, tenant, { passwordRequirements: { minimumLength: 14 } });
    expect(patched.passwordRequirements).toMatchObject({
      minimumLength: 14,
      minimumDigits: settings.passwordRequirements?.minimumDigits,
    });
  });

  it('validates input before sending: read-only fields and unknown features are refused locally', async () => {
    const h = harness();
    const tenant = env.tenant();
    await expect(
      updateOrganization(h.client, tenant, { version: 1, thirdPartyOrgName: 'x' } as never),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(setFeature(h.client, tenant, 'teleport' as never, true)).rejects.toBeInstanceOf(ZodError);
    expect(h.sent).toEqual([]);
  });

  it('lists limit namespaces and the platform.api limits', async () => {
    const { client } = harness();
    const namespaces = await listLimitNamespaces(client, env.tenant());
    expect(namespaces.map((n) => n.name)).toContain('platform.api');
    const limits = await getNamespaceLimits(client, env.tenant(), 'platform.api');
    expect(limits).toContainEqual(
      expect.objectContaining({ key: 'client.credentials.token.rate.per.minute', value: 300 }),
    );
  });
});

describe('directory', () => {
  it('lists, gets and searches users', async () => {
    const { client } = harness();
    const tenant = env.tenant();
    const page = await listUsers(client, tenant, { pageSize: 10, expand: ['authorization'] });
    expect(page.entities).toHaveLength(10);
    const first = page.entities[0];
    if (!first) throw new Error('no user');
    expect(first.authorization?.roles).toEqual(expect.any(Array));
    expect(await getUser(client, tenant, first.id)).toMatchObject({ id: first.id, name: first.name });
    const found = await searchUsers(client, tenant, {
      pageSize: 5,
      query: [{ type: 'EXACT', fields: ['id'], values: [first.id] }],
    });
    expect(found.results.map((u) => u.id)).toEqual([first.id]);
  });

  it('lists divisions and roles, every division through paginateEntities', async () => {
    const { client } = harness();
    const tenant = env.tenant();
    const divisions = await listDivisions(client, tenant, { objectCount: true });
    expect(divisions.entities.some((d) => d.homeDivision)).toBe(true);
    const all = [];
    for await (const division of paginateEntities(client, tenant, 'authorization.divisions', { pageSize: 1 }))
      all.push(division.id);
    expect(all).toEqual(divisions.entities.map((d) => d.id));
    const roles = await listRoles(client, tenant, { pageSize: 100 });
    expect(roles.entities.length).toBeGreaterThan(0);
    expect(roles.entities[0]?.permissions).toEqual(expect.any(Array));
  });

  it('lists OAuth clients without secrets, and token info names the tenant org', async () => {
    const { client } = harness();
    const tenant = env.tenant();
    const clients = await listOAuthClients(client, tenant);
    expect(clients.map((c) => c.id)).toContain(tenant.clientId);
    expect(JSON.stringify(clients)).not.toContain(tenant.clientSecret);
    expect(clients.every((c) => !('secret' in c))).toBe(true);
    const info = await getTokenInfo(client, tenant);
    expect(info.organization.id).toBe(tenant.orgId);
    expect(info.OAuthClient?.id).toBe(tenant.clientId);
  });

  it('lists trustors and trustees', async () => {
    const { client } = harness();
    const trustors = await listTrustors(client, env.tenant());
    const trustees = await listTrustees(client, env.tenant());
    for (const entity of [...trustors.entities, ...trustees.entities])
      expect(entity).toMatchObject({ id: expect.any(String) as string, enabled: expect.any(Boolean) as boolean });
  });
});

describe('contact center', () => {
  it('lists queues and queries conversation aggregates (a read-only POST, retried on 503)', async () => {
    const h = harness();
    const tenant = env.tenant();
    const queues = await listQueues(h.client, tenant, { pageSize: 5 });
    expect(queues.entities.length).toBeGreaterThan(0);
    await env.fault({ path: '/api/v2/analytics/conversations/aggregates/query', status: 503 });
    const day = '2026-02-27T00:00:00.000Z/2026-02-28T00:00:00.000Z';
    const response = await queryConversationAggregates(h.client, tenant, {
      interval: day,
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tHandle'],
    });
    expect(response.results.length).toBeGreaterThan(0);
    expect(response.results[0]?.data[0]?.interval).toBe(day);
    expect(h.sent.filter((s) => s.method === 'POST')).toHaveLength(2);
  });
});
