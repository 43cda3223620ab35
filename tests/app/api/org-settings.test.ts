/**
 * The settings editor's three write routes against the emulator, as the editor uses them:
 * a 409 produced by an edit at the emulator mid-edit (and the re-apply onto the new version),
 * a 403 from a client without directory:organization:admin, a 429 storm during a save (never a
 * duplicate write), server-side validation with the browser's messages, the auth-settings
 * conflict check, the audit entry with before/after and the tenant's cache tags.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AuthSettingsRoute from '@/app/api/tenants/[tenantId]/authentication-settings/route';
import type * as FeatureRoute from '@/app/api/tenants/[tenantId]/features/[featureName]/route';
import type * as OrganizationRoute from '@/app/api/tenants/[tenantId]/organization/route';
import type * as EmulatorModule from '@/emulator/index';
import type { AuditEntry } from '@/lib/audit/types';
import { type AuthSettings, ORGANIZATION_WRITABLE_FIELDS, type Organization } from '@/lib/genesys/schemas/organization';
import { planAuthUpdate, toAuthValues } from '@/lib/org-settings/auth-settings';
import { reapply } from '@/lib/org-settings/conflict';
import { ORG_FIELDS, planOrgUpdate, toOrgValues } from '@/lib/org-settings/organization';
import { tenantTags } from '@/lib/tenant-tags';
import { control } from '../../emulator/support/control';
import { call, credentialOf, getToken } from '../../emulator/support/direct';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidateTag }));
// The harness mounts the emulator without its control plane; these tests edit orgs and inject faults.
vi.mock('@/emulator/index', async (importOriginal) => {
  const original = await importOriginal<typeof EmulatorModule>();
  return {
    ...original,
    createEmulator: (options: Parameters<typeof original.createEmulator>[0] = {}) =>
      original.createEmulator({ ...options, faultControl: true }),
  };
});

const BASE = 'http://portal.test';
const ORG_PATH = '/api/v2/organizations/me';
/** Its tenants-file entry is the emulator's read-only client (no directory:organization:admin). */
const READ_ONLY_TENANT = 'stark-uk';

let harness: PortalHarness;
let routes: {
  organization: typeof OrganizationRoute;
  feature: typeof FeatureRoute;
  auth: typeof AuthSettingsRoute;
};

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
  const readOnly = harness.mounted.emulator.readOnlyCredential(READ_ONLY_TENANT)!;
  const path = process.env.TENANTS_FILE!;
  const file = JSON.parse(readFileSync(path, 'utf8')) as { tenants: Array<{ tenantId: string }> };
  writeFileSync(
    path,
    JSON.stringify({ tenants: file.tenants.map((t) => (t.tenantId === READ_ONLY_TENANT ? readOnly : t)) }),
  );
  routes = {
    organization: await import('@/app/api/tenants/[tenantId]/organization/route'),
    feature: await import('@/app/api/tenants/[tenantId]/features/[featureName]/route'),
    auth: await import('@/app/api/tenants/[tenantId]/authentication-settings/route'),
  };
});
afterAll(() => harness.close());
beforeEach(() => revalidateTag.mockClear());

interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { tenantId?: string; data: T; error?: Record<string, unknown> & { code: string; message: string } };
  upstream: Array<{ method: string; url: string }>;
}

async function send<T = Record<string, unknown>>(
  handler: RouteHandler,
  method: string,
  tenantId: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
  requestId?: string,
): Promise<Answer<T>> {
  const cookie = await harness.cookiesFor('demo-ops', { tenant: tenantId });
  const headers: Record<string, string> = { cookie, origin: BASE };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (requestId) headers['x-request-id'] = requestId;
  const request = new Request(`${BASE}/api/tenants/${tenantId}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { response, upstream } = await harness.invoke(handler, request, { tenantId, ...params });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer<T>['body'],
    upstream,
  };
}

const getOrg = async (tenantId: string) =>
  (await send<Organization>(routes.organization.GET, 'GET', tenantId, '/organization')).body.data;

/** The org as Genesys holds it, read around the portal with a token of its own. */
async function orgAtEmulator(tenantId: string): Promise<Organization> {
  const { emulator } = harness.mounted;
  const token = await getToken(emulator, credentialOf(emulator, tenantId));
  return (await call(emulator, token, ORG_PATH)).json as unknown as Organization;
}

async function auditAround(action: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await harness.portal.audit.query({ limit: 500 })).entries.length;
  await action();
  const after = (await harness.portal.audit.query({ limit: 500 })).entries;
  return after.slice(0, after.length - before).reverse();
}

/**
 * Requests the emulator answered for one org, method and path, by status. A scripted fault is
 * answered before the token is read, so it carries no org: those count for whichever org the
 * test is driving (the tests of this file run one at a time).
 */
function answered(tenantId: string, method: string, path: string): Record<string, number> {
  const orgId = credentialOf(harness.mounted.emulator, tenantId).orgId;
  const counts: Record<string, number> = {};
  for (const entry of harness.mounted.emulator.stats().recent) {
    if ((entry.orgId ?? orgId) !== orgId || entry.method !== method || entry.path !== path) continue;
    counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  }
  return counts;
}

/** The fields PUT /organizations/me may change, as an org holds them. */
const writable = (org: Organization) =>
  Object.fromEntries(ORGANIZATION_WRITABLE_FIELDS.flatMap((key) => (org[key] === undefined ? [] : [[key, org[key]]])));

const revalidatedTags = () => revalidateTag.mock.calls.map(([tag]) => tag as string);

describe('PUT organization', () => {
  it('an edit at the emulator mid-edit: 409 with their org, nothing overwritten; re-applied onto their version it saves', async () => {
    const tenantId = 'acme-sandbox';
    const started = await getOrg(tenantId);
    const base = toOrgValues(started);
    const draft = { ...base, name: 'Sandbox (mine)', supportURI: 'https://help.sandbox.example' };

    // Someone edits the org in Genesys meanwhile.
    const mutated = await control(harness.mounted.emulator, 'POST', `/tenants/${tenantId}/mutate`, {
      name: 'Sandbox (theirs)',
    });
    expect(mutated.status).toBe(200);

    const stale = planOrgUpdate(started, base, draft);
    if (!stale.ok) throw new Error('plan should be valid');
    const entries = await auditAround(async () => {
      const conflict = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', stale.body);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error).toMatchObject({
        code: 'conflict',
        currentVersion: started.version + 1,
        current: { name: 'Sandbox (theirs)', version: started.version + 1 },
      });
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'org.update', result: 'failure', tenantId })]);
    expect(await orgAtEmulator(tenantId)).toMatchObject({ name: 'Sandbox (theirs)', supportURI: started.supportURI });
    expect(revalidateTag).not.toHaveBeenCalled();

    // Re-apply onto the new version: both changed the name (mine wins by choice), theirs is the base.
    const theirs = await getOrg(tenantId);
    const next = reapply(ORG_FIELDS, base, toOrgValues(theirs), draft);
    const plan = planOrgUpdate(theirs, toOrgValues(theirs), next);
    // Every writable field goes (theirs as a base, mine on top), no read-only one: the emulator takes it.
    expect(plan.ok && plan.body).toEqual({
      ...writable(theirs),
      version: started.version + 1,
      name: 'Sandbox (mine)',
      supportURI: 'https://help.sandbox.example',
    });
    expect(plan.ok && plan.changes.map((change) => change.key)).toEqual(['name', 'supportURI']);
    const saved = await send<Organization>(
      routes.organization.PUT,
      'PUT',
      tenantId,
      '/organization',
      plan.ok && plan.body,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ name: 'Sandbox (mine)', version: started.version + 2 });
    expect(revalidatedTags().sort()).toEqual(tenantTags(tenantId).sort());
  });

  it('a feature switched meanwhile: 409 whose current differs from the start in the version only', async () => {
    const tenantId = 'acme-sandbox';
    const started = await getOrg(tenantId);
    const { features = {} } = started;
    const switched = await send(
      routes.feature.PATCH,
      'PATCH',
      tenantId,
      '/features/informalPhotos',
      { enabled: features.informalPhotos !== true },
      { featureName: 'informalPhotos' },
    );
    expect(switched.status).toBe(200);
    const base = toOrgValues(started);
    const plan = planOrgUpdate(started, base, { ...base, defaultLanguage: 'en-GB' });
    const conflict = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', plan.ok && plan.body);
    expect(conflict.status).toBe(409);
    const current = conflict.body.error?.current as Organization;
    expect(current.version).toBe(started.version + 1);
    expect(writable(current)).toEqual(writable(started));
    expect((await orgAtEmulator(tenantId)).defaultLanguage).toBe(started.defaultLanguage);
  });

  it('a body that leaves fields out keeps them: the route sends the current values with the edit', async () => {
    const tenantId = 'acme-sandbox';
    const start = await orgAtEmulator(tenantId);
    const saved = await send<Organization>(routes.organization.PUT, 'PUT', tenantId, '/organization', {
      version: start.version,
      voicemailEnabled: !start.voicemailEnabled,
    });
    expect(saved.status).toBe(200);
    expect(writable(await orgAtEmulator(tenantId))).toEqual({
      ...writable(start),
      voicemailEnabled: !start.voicemailEnabled,
    });
  });

  it('a client without directory:organization:admin: 403 naming the permission, org unchanged', async () => {
    const before = await orgAtEmulator(READ_ONLY_TENANT);
    const entries = await auditAround(async () => {
      const denied = await send(routes.organization.PUT, 'PUT', READ_ONLY_TENANT, '/organization', {
        version: before.version,
        name: 'Not allowed',
      });
      expect(denied.status).toBe(403);
      expect(denied.body.error).toMatchObject({
        code: 'upstream_forbidden',
        missingPermissions: ['directory:organization:admin'],
      });
      expect(denied.body.error?.message).toContain('directory:organization:admin');
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'org.update', result: 'failure' })]);
    expect(await orgAtEmulator(READ_ONLY_TENANT)).toEqual(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('a 429 storm during a save: retried within budget, then 429 + Retry-After; exactly one write ever lands', async () => {
    const tenantId = 'globex-eu';
    const start = await orgAtEmulator(tenantId);
    const body = { version: start.version, supportURI: 'https://support.globex.example' };
    const puts = () => answered(tenantId, 'PUT', ORG_PATH);
    const before = puts();
    await control(harness.mounted.emulator, 'POST', '/faults', {
      path: ORG_PATH,
      method: 'PUT',
      status: 429,
      headers: { 'Retry-After': '0' },
      count: 6,
    });

    // The first save meets four 429s (the client's attempts) and answers 429 with a wait.
    const first = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', body);
    expect(first.status).toBe(429);
    expect(first.body.error?.code).toBe('rate_limited');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await orgAtEmulator(tenantId)).version).toBe(start.version);

    // The user retries the same change: two more 429s, then it lands.
    const second = await send<Organization>(routes.organization.PUT, 'PUT', tenantId, '/organization', body);
    expect(second.status).toBe(200);
    // A duplicate of the same save (same version) cannot write twice: Genesys answers 409.
    const duplicate = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', body);
    expect(duplicate.status).toBe(409);

    const after = puts();
    expect((after['429'] ?? 0) - (before['429'] ?? 0)).toBe(6);
    expect((after['200'] ?? 0) - (before['200'] ?? 0)).toBe(1);
    const final = await orgAtEmulator(tenantId);
    expect(final).toMatchObject({ version: start.version + 1, supportURI: 'https://support.globex.example' });
  });

  it('a wait longer than the request budget is not slept: 429 at once with that Retry-After, nothing written', async () => {
    const tenantId = 'globex-eu';
    const start = await orgAtEmulator(tenantId);
    await control(harness.mounted.emulator, 'POST', '/faults', {
      path: ORG_PATH,
      method: 'PUT',
      status: 429,
      headers: { 'Retry-After': '42' },
      count: 1,
    });
    const answer = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', {
      version: start.version,
      name: 'Globex Later',
    });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('42');
    expect(await orgAtEmulator(tenantId)).toEqual(start);
  });

  it('the browser’s validation runs again on the server, with the same messages, before any upstream call', async () => {
    const tenantId = 'acme-sandbox';
    const answer = await send(routes.organization.PUT, 'PUT', tenantId, '/organization', {
      version: 1,
      domain: 'not a domain',
      defaultCountryCode: 'USA',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'defaultCountryCode', message: 'Use a two-letter country code such as US.' },
        { path: 'domain', message: 'Use a domain name such as example.com.' },
      ],
    });
    // Changed values are told apart from the current ones, so the org is read; nothing is written.
    expect(answer.upstream.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('a successful save: one audit entry with before/after and the request id the editor sent', async () => {
    const tenantId = 'acme-sandbox';
    const start = await getOrg(tenantId);
    const requestId = 'settings-save-0001';
    const entries = await auditAround(async () => {
      const saved = await send(
        routes.organization.PUT,
        'PUT',
        tenantId,
        '/organization',
        { version: start.version, defaultLanguage: 'en-GB' },
        {},
        requestId,
      );
      expect(saved.status).toBe(200);
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'org.update',
      result: 'success',
      tenantId,
      userId: 'demo-ops',
      requestId,
      before: { defaultLanguage: start.defaultLanguage, version: start.version },
      after: { defaultLanguage: 'en-GB', version: start.version + 1 },
    });
  });
});

describe('PATCH features/[featureName]', () => {
  it('audits the value Genesys had before (read, not guessed) and revalidates the tenant', async () => {
    const tenantId = 'acme-sandbox';
    const { features = {} } = await orgAtEmulator(tenantId);
    const current = features.informalPhotos === true;
    const entries = await auditAround(async () => {
      const answer = await send(
        routes.feature.PATCH,
        'PATCH',
        tenantId,
        '/features/informalPhotos',
        { enabled: !current },
        { featureName: 'informalPhotos' },
      );
      expect(answer.status).toBe(200);
    });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'feature.update',
        before: { featureName: 'informalPhotos', enabled: current },
        after: { featureName: 'informalPhotos', enabled: !current },
      }),
    ]);
    expect(revalidatedTags().sort()).toEqual(tenantTags(tenantId).sort());
  });

  it('a 429 is not retried (PATCH is not idempotent-safe): one attempt, 429 with Retry-After', async () => {
    // Its own tenant: the 429 makes the portal pace that tenant for the Retry-After.
    const tenantId = 'acme-prod';
    const path = '/api/v2/organizations/features/chat';
    const before = answered(tenantId, 'PATCH', path);
    await control(harness.mounted.emulator, 'POST', '/faults', {
      path,
      method: 'PATCH',
      status: 429,
      headers: { 'Retry-After': '3' },
      count: 5,
    });
    const answer = await send(
      routes.feature.PATCH,
      'PATCH',
      tenantId,
      '/features/chat',
      { enabled: false },
      {
        featureName: 'chat',
      },
    );
    await control(harness.mounted.emulator, 'DELETE', '/faults');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
    const after = answered(tenantId, 'PATCH', path);
    expect((after['429'] ?? 0) - (before['429'] ?? 0)).toBe(1);
    expect(after['200'] ?? 0).toBe(before['200'] ?? 0);
  });

  it('the read-only client: 403 naming the permission', async () => {
    const answer = await send(
      routes.feature.PATCH,
      'PATCH',
      READ_ONLY_TENANT,
      '/features/chat',
      { enabled: true },
      {
        featureName: 'chat',
      },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.missingPermissions).toEqual(['directory:organization:admin']);
  });
});

describe('PATCH authentication-settings', () => {
  const path = '/authentication-settings';

  it('based on values changed meanwhile: 409 with the current settings and the stale fields, nothing written', async () => {
    const tenantId = 'acme-sandbox';
    const { emulator } = harness.mounted;
    const token = await getToken(emulator, credentialOf(emulator, tenantId));
    const read = async () => (await call(emulator, token, '/api/v2/organizations/authentication/settings')).json;
    const started = await read();
    // Someone adds an IP to the allowlist in Genesys meanwhile.
    await call(emulator, token, '/api/v2/organizations/authentication/settings', {
      method: 'PATCH',
      body: { ipAddressAllowlist: ['198.51.100.7'] },
    });
    const entries = await auditAround(async () => {
      const answer = await send(routes.auth.PATCH, 'PATCH', tenantId, path, {
        ipAddressAllowlist: ['203.0.113.0/24'],
        expected: { ipAddressAllowlist: started.ipAddressAllowlist },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: 'conflict',
        stale: ['ipAddressAllowlist'],
        current: { ipAddressAllowlist: ['198.51.100.7'] },
      });
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'auth-settings.update', result: 'failure' })]);
    expect((await read()).ipAddressAllowlist).toEqual(['198.51.100.7']);

    // Based on the current values it goes through, and is audited with before/after.
    const saved = await auditAround(async () => {
      const answer = await send(routes.auth.PATCH, 'PATCH', tenantId, path, {
        ipAddressAllowlist: ['198.51.100.7', '203.0.113.0/24'],
        expected: { ipAddressAllowlist: ['198.51.100.7'] },
      });
      expect(answer.status).toBe(200);
    });
    expect(saved[0]).toMatchObject({
      result: 'success',
      before: { ipAddressAllowlist: ['198.51.100.7'] },
      after: { ipAddressAllowlist: ['198.51.100.7', '203.0.113.0/24'] },
    });
    expect(revalidatedTags().sort()).toEqual(tenantTags(tenantId).sort());
  });

  it('invalid entries: 422 with the browser’s message at the entry’s path', async () => {
    const answer = await send(routes.auth.PATCH, 'PATCH', 'acme-sandbox', path, {
      domainAllowlist: ['acme.example', 'acme .example'],
      expected: { domainAllowlist: [] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error?.issues).toEqual([
      { path: 'domainAllowlist.1', message: 'Use a domain name such as example.com.' },
    ]);
    expect(answer.upstream).toEqual([]);
  });

  it('the read-only client: 403 naming the permission', async () => {
    const answer = await send(routes.auth.PATCH, 'PATCH', READ_ONLY_TENANT, path, {
      multifactorAuthenticationRequired: true,
      expected: { multifactorAuthenticationRequired: false },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.missingPermissions).toEqual(['directory:organization:admin']);
  });

  it('without `expected`, or with one that skips a key it writes: 422 naming it, nothing read or written', async () => {
    const missing = await send(routes.auth.PATCH, 'PATCH', 'acme-sandbox', path, {
      multifactorAuthenticationRequired: true,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error?.issues).toEqual([expect.objectContaining({ path: 'expected' })]);
    const partial = await send(routes.auth.PATCH, 'PATCH', 'acme-sandbox', path, {
      passwordRequirements: { minimumLength: 10, minimumDigits: 2 },
      expected: { passwordRequirements: { minimumLength: 8 } },
    });
    expect(partial.status).toBe(422);
    expect(partial.body.error?.issues).toEqual([
      expect.objectContaining({ path: 'expected.passwordRequirements.minimumDigits' }),
    ]);
    expect([...missing.upstream, ...partial.upstream]).toEqual([]);
  });

  it('`null` expects "not set": a value there now is a 409 (their unset → 3 is not overwritten)', async () => {
    const answer = await send(routes.auth.PATCH, 'PATCH', 'acme-sandbox', path, {
      passwordRequirements: { minimumDigits: 5 },
      expected: { passwordRequirements: { minimumDigits: null } },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'conflict', stale: ['passwordRequirements.minimumDigits'] });
  });

  it('the editor’s body (passwordRequirements whole, expected for every key) is what the emulator takes', async () => {
    const tenantId = 'acme-sandbox';
    const read = await send<AuthSettings>(routes.auth.GET, 'GET', tenantId, path);
    expect(read.status).toBe(200);
    const start = read.body.data;
    const base = toAuthValues(start);
    const plan = planAuthUpdate(base, { ...base, minimumLength: String(Number(base.minimumLength) + 2) });
    if (!plan.ok) throw new Error('plan should be valid');
    expect(Object.keys(plan.body.passwordRequirements ?? {}).sort()).toEqual(
      Object.keys(start.passwordRequirements ?? {}).sort(),
    );
    const saved = await send<AuthSettings>(routes.auth.PATCH, 'PATCH', tenantId, path, plan.body);
    expect(saved.status).toBe(200);
    expect(saved.body.data.passwordRequirements).toEqual({
      ...start.passwordRequirements,
      minimumLength: (start.passwordRequirements?.minimumLength ?? 0) + 2,
    });
  });
});
