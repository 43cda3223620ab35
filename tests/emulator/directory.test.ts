import { beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, PORTAL_PERMISSIONS, createEmulator } from '../../emulator/index';
import { call, credentialOf, getToken } from './support/direct';
import { addClient } from './support/control';

let emulator: Emulator;
let portal: string;
let bare: string;

beforeEach(async () => {
  emulator = createEmulator({ orgSizes: [120, 30, 25], faultControl: true });
  portal = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
  bare = await getToken(emulator, await addClient(emulator, 'acme-prod', []));
});

type Entities = { entities: Array<Record<string, unknown>>; total: number };

describe('GET /api/v2/authorization/divisions', () => {
  it('lists divisions with exactly one home division, without any permission', async () => {
    const { status, json } = await call(emulator, bare, '/api/v2/authorization/divisions');
    expect(status).toBe(200);
    const { entities } = json as unknown as Entities;
    expect(entities.filter((division) => division.homeDivision)).toHaveLength(1);
    expect(entities[0]).toHaveProperty('selfUri');
    const home = entities.find((division) => division.homeDivision)!;
    const byId = await call(emulator, bare, `/api/v2/authorization/divisions?id=${home.id as string}&objectCount=true`);
    expect((byId.json as unknown as Entities).entities).toEqual([
      { ...home, objectCounts: { users: expect.any(Number) as number } },
    ]);
  });

  it('rejects bad paging', async () => {
    expect((await call(emulator, bare, '/api/v2/authorization/divisions?pageSize=0')).status).toBe(400);
    expect((await call(emulator, bare, '/api/v2/authorization/divisions?objectCount=maybe')).status).toBe(400);
  });
});

describe('GET /api/v2/authorization/roles', () => {
  it('lists DomainOrganizationRole entries with userCount, filtered by permission', async () => {
    const { status, json } = await call(emulator, portal, '/api/v2/authorization/roles?pageSize=100');
    expect(status).toBe(200);
    const roles = (json as unknown as Entities).entities;
    const employee = roles.find((role) => role.name === 'employee')!;
    expect(employee).toMatchObject({
      default: true,
      base: false,
      permissions: expect.any(Array) as string[],
      permissionPolicies: [],
    });
    expect(employee.userCount as number).toBeGreaterThan(50);
    const withAdmin = await call(
      emulator,
      portal,
      '/api/v2/authorization/roles?permission=directory:organization:admin',
    );
    const names = (withAdmin.json as unknown as Entities).entities.map((role) => role.name);
    expect(names).toContain('admin'); // via directory:*:*
    expect(names).toContain('Tenant Portal');
    expect(names).not.toContain('employee');
  });

  it('needs authorization:role:view', async () => {
    const denied = await call(emulator, bare, '/api/v2/authorization/roles');
    expect(denied.status).toBe(403);
    expect(denied.json.message).toContain('[authorization:role:view]');
  });
});

describe('GET /api/v2/oauth/clients', () => {
  it('lists clients, including both portal clients, never with a secret', async () => {
    const { status, json, text } = await call(emulator, portal, '/api/v2/oauth/clients');
    expect(status).toBe(200);
    const clients = (json as unknown as Entities).entities;
    const credential = credentialOf(emulator, 'acme-prod');
    expect(clients.map((client) => client.id)).toContain(credential.clientId);
    expect(clients.every((client) => !('secret' in client))).toBe(true);
    expect(text).not.toContain(credential.clientSecret);
    expect(clients.find((client) => client.id === credential.clientId)).toMatchObject({
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      accessTokenValiditySeconds: 86400,
      state: 'active',
    });
    expect((await call(emulator, bare, '/api/v2/oauth/clients')).status).toBe(403);
  });
});

describe('GET /api/v2/tokens/me', () => {
  it('reports the org and the OAuthClient (capitalised key)', async () => {
    const credential = credentialOf(emulator, 'acme-prod');
    const { json } = await call(emulator, portal, '/api/v2/tokens/me');
    expect(json.organization).toEqual({ id: credential.orgId, name: 'Acme Corp' });
    expect(json.homeOrganization).toEqual(json.organization);
    expect(json.OAuthClient).toMatchObject({
      id: credential.clientId,
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      organization: json.organization,
    });
  });
});

describe('org authorization', () => {
  it('lists trustors (orgs that trust us) and trustees (orgs we trust)', async () => {
    const orgs = emulator.listTenantCredentials();
    const trustors = await call(emulator, portal, '/api/v2/orgauthorization/trustors');
    expect(trustors.status).toBe(200);
    const trustorIds = (trustors.json as unknown as Entities).entities.map((trustor) => trustor.id);
    expect(trustorIds.sort()).toEqual(
      orgs
        .slice(1)
        .map((org) => org.orgId)
        .sort(),
    );
    const first = (trustors.json as unknown as Entities).entities[0]!;
    expect(first).toMatchObject({
      enabled: expect.any(Boolean) as boolean,
      authorization: { permissions: expect.any(Array) as string[] },
      selfUri: `/api/v2/orgauthorization/trustors/${first.id as string}`,
    });

    const sandbox = await getToken(emulator, credentialOf(emulator, 'acme-sandbox'));
    const trustees = await call(emulator, sandbox, '/api/v2/orgauthorization/trustees');
    const names = (trustees.json as unknown as Entities).entities.map(
      (trustee) => (trustee.organization as { name: string }).name,
    );
    expect(names.sort()).toEqual(['Acme Corp', 'Genesys Cloud Customer Care']);
  });

  it('needs the trustor/trustee view permissions', async () => {
    expect((await call(emulator, bare, '/api/v2/orgauthorization/trustors')).status).toBe(403);
    expect((await call(emulator, bare, '/api/v2/orgauthorization/trustees')).status).toBe(403);
  });
});

describe('queues and conversation aggregates wiring', () => {
  it('serves queues and aggregates to the portal client and 403s without permission', async () => {
    expect(PORTAL_PERMISSIONS).toEqual(
      expect.arrayContaining(['routing:queue:view', 'analytics:conversationAggregate:view']),
    );
    const queues = await call(emulator, portal, '/api/v2/routing/queues');
    expect(queues.status).toBe(200);
    expect((queues.json as unknown as Entities).entities.length).toBeGreaterThan(0);
    const body = {
      interval: '2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.000Z',
      groupBy: ['queueId'],
      metrics: ['nOffered'],
    };
    const aggregates = await call(emulator, portal, '/api/v2/analytics/conversations/aggregates/query', {
      method: 'POST',
      body,
    });
    expect(aggregates.status).toBe(200);
    expect((await call(emulator, bare, '/api/v2/routing/queues')).json.code).toBe('missing.any.permissions');
    expect(
      (await call(emulator, bare, '/api/v2/analytics/conversations/aggregates/query', { method: 'POST', body })).status,
    ).toBe(403);
    const malformed = await call(emulator, portal, '/api/v2/analytics/conversations/aggregates/query', {
      method: 'POST',
      rawBody: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
  });
});
