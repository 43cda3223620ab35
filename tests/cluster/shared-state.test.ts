/**
 * Two instances, one Redis: what happens on A is what B sees, at once. Sessions and tenant
 * switches (sealed cookies + Redis session versions), org edits (the dashboard's organization
 * card; once it reads through Next's data cache this needs the Redis cache handler and the
 * write route's revalidateTag to reach B), the audit stream, and login throttling.
 */
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../lib/audit/types';
import type { Organization } from '../../lib/genesys/schemas/organization';
import {
  bannerFor,
  jarOf,
  launchChromium,
  organizationCardText,
  signInWithForm,
  switchTenant,
} from './support/browser';
import { getCluster, tenantOf } from './support/cluster-info';
import { call, isErrorShape, signIn, signInOrThrow } from './support/portal-client';
import { secretsInLogs } from './support/secret-check';

const cluster = getCluster();
const [a, b] = cluster.instances;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('sessions and tenant switching', () => {
  it('a switch on A is the active tenant on B at once, and a sign-out on A ends the session on B', async () => {
    const acme = tenantOf(cluster, 'acme-prod');
    const globex = tenantOf(cluster, 'globex-eu');
    const context = await browser.newContext();
    try {
      const onA = await context.newPage();
      await signInWithForm(onA, a, cluster.users.switcher);
      await onA.getByRole('button', { name: `Switch to ${acme.displayName}`, exact: true }).click();
      await onA.waitForSelector(bannerFor(acme.tenantId));

      // The same cookies on B (cookies are per host, not per port): B renders acme's dashboard.
      const onB = await context.newPage();
      await onB.goto(`${b.url}/dashboard`);
      await onB.waitForSelector(bannerFor(acme.tenantId), { timeout: 10_000 });
      expect(await onB.locator('header.portal-header').textContent()).toContain(acme.displayName);
      expect(await organizationCardText(onB)).toContain(acme.orgId);
      const ids = await onB
        .locator('main [data-tenant-id]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tenant-id')));
      expect(ids.length).toBeGreaterThan(3);
      expect(new Set(ids)).toEqual(new Set([acme.tenantId]));

      await switchTenant(onA, globex.tenantId);
      await onB.reload();
      await onB.waitForSelector(bannerFor(globex.tenantId), { timeout: 10_000 });
      expect(await organizationCardText(onB)).toContain(globex.orgId);

      // Sign out on A; copies of the cookies taken before are dead on B without any wait.
      const before = await jarOf(context);
      await onA.locator('details.user-menu summary').click();
      await onA.getByRole('button', { name: 'Sign out' }).click();
      await onA.waitForURL(/\/login/);
      const api = await call(b, `/api/tenants/${globex.tenantId}/organization`, { jar: before.copy() });
      expect(api.status).toBe(401);
      expect(isErrorShape(api.body) && api.body.error.code).toBe('unauthenticated');
      const page = await call(b, '/dashboard', { jar: before.copy() });
      expect(page.status).toBe(307);
      expect(page.headers.get('location')).toMatch(/\/login\?next=%2Fdashboard$/);
    } finally {
      await context.close();
    }
  });
});

describe('org edits', () => {
  it('an org edit through A shows on B’s dashboard at once, and its audit entry is readable from B', async () => {
    const sandbox = tenantOf(cluster, 'acme-sandbox');
    const context = await browser.newContext();
    try {
      const onA = await context.newPage();
      await signInWithForm(onA, a, cluster.users.editor);
      await onA.getByRole('button', { name: `Switch to ${sandbox.displayName}`, exact: true }).click();
      await onA.waitForSelector(bannerFor(sandbox.tenantId));
      const jar = await jarOf(context);

      const current = await call<{ data: Organization }>(a, `/api/tenants/${sandbox.tenantId}/organization`, { jar });
      expect(current.status).toBe(200);
      const org = current.body?.data as Organization;
      // B renders (and, with the shared data cache, caches) the current name first.
      const onB = await context.newPage();
      await onB.goto(`${b.url}/dashboard`);
      expect(await organizationCardText(onB)).toContain(org.name);

      const newName = `Sandbox ${Date.now().toString(36)}`;
      const put = await call<{ tenantId: string; data: Organization }>(
        a,
        `/api/tenants/${sandbox.tenantId}/organization`,
        { method: 'PUT', jar, body: { version: org.version, name: newName } },
      );
      expect([put.status, put.body?.tenantId, put.body?.data.name]).toEqual([200, sandbox.tenantId, newName]);

      await onB.reload();
      const card = await organizationCardText(onB);
      expect(card).toContain(newName);
      expect(card).not.toContain(org.name);

      const audit = await call<AuditPage>(b, `/api/audit?tenant=${sandbox.tenantId}&action=org.update&limit=20`, {
        jar,
      });
      expect(audit.status).toBe(200);
      const entry = audit.body?.entries.find((e) => e.requestId === put.requestId);
      expect(entry).toMatchObject({
        tenantId: sandbox.tenantId,
        userEmail: cluster.users.editor.email,
        result: 'success',
        before: { name: org.name },
        after: { name: newName },
      });
    } finally {
      await context.close();
    }
  });
});

describe('shared state', () => {
  it('failed logins on A count on B: the account locks on both', async () => {
    const user = cluster.users.locked;
    const address = '10.7.0.1';
    const failures = [];
    for (const instance of [a, a, a, b, b]) {
      failures.push((await signIn(instance, user, { password: 'not-the-password', address })).status);
    }
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    // Per instance A saw 3 and B 2 failures, below the limit of 5: only a shared count locks.
    for (const instance of [a, b]) {
      const locked = await signIn(instance, user, { address });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(isErrorShape(locked.body) && locked.body.error.code).toBe('too_many_attempts');
    }
  });

  it('both instances write to and read from one audit stream', async () => {
    const editor = cluster.users.editor;
    const onA = await signIn(a, editor);
    const onB = await signIn(b, editor);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    for (const reader of [a, b]) {
      const page = await call<AuditPage>(reader, '/api/audit?action=login&limit=100', { jar: onA.jar });
      const ids = page.body?.entries.map((entry) => entry.requestId);
      expect(ids).toContain(onA.requestId);
      expect(ids).toContain(onB.requestId);
    }
  });

  it('a session started on B works on A for tenant data', async () => {
    const jar = await signInOrThrow(b, cluster.users.loader);
    const answer = await call<{ tenantId: string; data: Organization }>(a, '/api/tenants/stark-uk/organization', {
      jar,
    });
    expect([answer.status, answer.body?.tenantId, answer.body?.data.id]).toEqual([
      200,
      'stark-uk',
      tenantOf(cluster, 'stark-uk').orgId,
    ]);
  });

  it('no instance log carries a secret', async () => {
    expect(await secretsInLogs(cluster)).toEqual([]);
  });
});
