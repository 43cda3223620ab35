import { describe, expect, it, vi } from 'vitest';
import { settle } from '@/lib/dashboard/settle';
import { createTestRuntime } from '@/tests/support/runtime-fixture';
import { loadConversationActivity, TOP_QUEUES, lastDayInterval } from '@/lib/dashboard/conversation-activity';
import { loadCredentialHealth } from '@/lib/dashboard/credential-health';
import { loadDirectoryCounts } from '@/lib/dashboard/directory-counts';
import { loadOAuthClients } from '@/lib/dashboard/oauth-clients';
import { loadOrganization } from '@/lib/dashboard/organization';
import { loadUserCounts } from '@/lib/dashboard/user-counts';
import { NOW, setupDashboardEmulator } from './support';

vi.hoisted(() => vi.stubEnv('LOG_LEVEL', 'silent')); // before lib/logger reads it

// 900 users → 15 queues in acme-prod (more than the dashboard lists); 40 → 4 in acme-sandbox.
const fx = setupDashboardEmulator([900, 40]);

type Listing = { entities: { id: string; name: string; state?: string }[]; total: number };

describe('dashboard loaders against the emulator', () => {
  it('credential health of a tenant not used yet: nothing recorded, source healthy', () => {
    const health = loadCredentialHealth(fx.source('acme-sandbox'), NOW);
    expect(health).toEqual({
      at: NOW,
      lastTokenAt: null,
      tokenExpiresAt: null,
      binding: null,
      breaker: 'closed',
      rotationDueAt: null,
      lastError: null,
    });
  });

  it('organization card: every field as Genesys has it, features sorted by name', async () => {
    const org = await fx.direct('acme-prod', '/api/v2/organizations/me');
    const summary = await loadOrganization(fx.source('acme-prod'));
    expect(summary).toMatchObject({
      id: org.id,
      name: org.name,
      domain: org.domain,
      state: org.state,
      productPlatform: org.productPlatform,
      defaultLanguage: org.defaultLanguage,
      defaultCountryCode: org.defaultCountryCode,
      version: org.version,
    });
    expect(summary).toMatchObject({ name: 'Acme Corp', domain: 'acme.example', defaultCountryCode: 'US' });
    const features = org.features as Record<string, boolean>;
    expect(summary.features).toEqual(
      Object.keys(features)
        .sort()
        .map((name) => ({ name, enabled: features[name] })),
    );
  });

  it('user counts by state equal the seeded users, from three requests whatever the org size', async () => {
    const users: { state: string }[] = [];
    for (const page of [1, 2]) {
      const listing = (await fx.direct(
        'acme-prod',
        `/api/v2/users?state=any&pageSize=500&pageNumber=${page}`,
      )) as Listing;
      users.push(...(listing.entities as { state: string }[]));
    }
    expect(users).toHaveLength(900);
    const count = (state: string) => users.filter((u) => u.state === state).length;
    const before = fx.mounted.emulator.stats().requests;
    const counts = await loadUserCounts(fx.source('acme-prod'));
    expect(counts).toEqual({ active: count('active'), inactive: count('inactive'), deleted: count('deleted') });
    expect(counts.inactive).toBeGreaterThan(0);
    expect(fx.mounted.emulator.stats().requests - before).toBe(3);
  });

  it('division and role counts equal the listings', async () => {
    const divisions = (await fx.direct('acme-sandbox', '/api/v2/authorization/divisions?pageSize=100')) as Listing;
    const roles = (await fx.direct('acme-sandbox', '/api/v2/authorization/roles?pageSize=100')) as Listing;
    const counts = await loadDirectoryCounts(fx.source('acme-sandbox'));
    expect(counts).toEqual({ divisions: divisions.entities.length, roles: roles.entities.length });
    expect(counts.divisions).toBeGreaterThan(1);
  });

  it('OAuth clients: every client by name; no client id or secret anywhere', async () => {
    const listing = (await fx.direct('acme-prod', '/api/v2/oauth/clients')) as Listing;
    const summary = await loadOAuthClients(fx.source('acme-prod'));
    expect(summary.total).toBe(listing.entities.length);
    expect(summary.clients.map((c) => c.name)).toEqual(listing.entities.map((c) => c.name).sort());
    expect(summary.clients).toContainEqual(
      expect.objectContaining({ name: 'Tenant Portal', grantType: 'CLIENT-CREDENTIALS' }),
    );
    // A client's id is its client_id: a credential, kept off the page like the secret.
    const text = JSON.stringify(summary);
    for (const id of listing.entities.map((c) => c.id)) expect(text).not.toContain(id);
    for (const c of fx.credentials) {
      expect(text).not.toContain(c.clientId);
      expect(text).not.toContain(c.clientSecret);
    }
  });

  it('conversation activity per queue matches the aggregates for the same 24 hours', async () => {
    const interval = lastDayInterval(NOW);
    expect(interval).toBe('2026-03-03T15:30:00.000Z/2026-03-04T15:30:00.000Z');
    const aggregates = (await fx.direct('acme-prod', '/api/v2/analytics/conversations/aggregates/query', {
      interval,
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tHandle'],
    })) as {
      results: {
        group: { queueId: string };
        data: { metrics: { metric: string; stats: { count?: number; sum?: number } }[] }[];
      }[];
    };
    const queues = (await fx.direct('acme-prod', '/api/v2/routing/queues?pageSize=100')) as Listing;
    const names = new Map(queues.entities.map((q) => [q.id, q.name]));
    const expected = aggregates.results.map(({ group, data }) => {
      const metrics = data.flatMap((d) => d.metrics);
      const stat = (name: string) => metrics.find((m) => m.metric === name)?.stats ?? {};
      const handled = stat('tHandle').count ?? 0;
      return {
        queueId: group.queueId,
        name: names.get(group.queueId),
        offered: stat('nOffered').count ?? 0,
        handled,
        averageHandleMs: handled > 0 ? Math.round((stat('tHandle').sum ?? 0) / handled) : null,
      };
    });
    expected.sort((a, b) => b.offered - a.offered || b.handled - a.handled || a.queueId.localeCompare(b.queueId));
    expect(expected.length).toBeGreaterThan(TOP_QUEUES);

    const activity = await loadConversationActivity(fx.source('acme-prod'), NOW);
    expect(activity.interval).toBe(interval);
    expect(activity.rows).toEqual(expected.slice(0, TOP_QUEUES));
    expect(activity.activeQueues).toBe(expected.length);
    expect(activity.totalQueues).toBe(queues.total);
    const offered = expected.reduce((sum, row) => sum + row.offered, 0);
    const handled = expected.reduce((sum, row) => sum + row.handled, 0);
    expect(activity.totals).toMatchObject({ offered, handled });
    expect(activity.totals.handled).toBeLessThanOrEqual(activity.totals.offered);
    for (const row of activity.rows) expect(row.name).toEqual(expect.any(String));
  });

  it('credential health after use: a valid token bound to the right org', async () => {
    await loadOrganization(fx.source('acme-prod'));
    const health = loadCredentialHealth(fx.source('acme-prod'), Date.now());
    expect(health.lastTokenAt).toEqual(expect.any(Number));
    expect(health.tokenExpiresAt).toBeGreaterThan(health.at);
    expect(health.binding).toEqual({ ok: true, at: expect.any(Number) as number });
    expect(health.lastError).toBeNull();
    expect(health).not.toHaveProperty('binding.reportedOrgId');
  });

  it('a binding mismatch: the health view never names the other organization', async () => {
    const [acme, sandbox] = fx.credentials;
    // acme-prod configured with acme-sandbox's client: the token names the wrong org.
    const crossed = createTestRuntime(fx.mounted.baseUrl, [
      { ...acme!, clientId: sandbox!.clientId, clientSecret: sandbox!.clientSecret, rateLimitPerMinute: 6000 },
    ]);
    try {
      const source = fx.source('acme-prod', crossed);
      const result = await settle(() => loadOrganization(source), {
        section: 't',
        tenantId: 'acme-prod',
        requestId: 'r-000001',
      });
      expect(result).toMatchObject({ ok: false, failure: { code: 'tenant_binding_mismatch' } });
      const health = loadCredentialHealth(source, Date.now());
      expect(health.binding).toEqual({ ok: false, at: expect.any(Number) as number });
      expect(health.lastError).toMatchObject({ code: 'tenant_binding_mismatch' });
      expect(JSON.stringify({ health, result })).not.toContain(sandbox!.orgId);
    } finally {
      await crossed.close();
    }
  });
});
