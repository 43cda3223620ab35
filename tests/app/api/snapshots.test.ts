/**
 * Snapshot routes through the handler harness against the emulator: take a snapshot, change the
 * tenant at the emulator behind the portal's back, take another, compare → exactly those changes.
 * Plus tenant isolation of snapshot ids, the users.export capability, the audit entry, and a
 * snapshot that fails half-way.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as EmulatorModule from '@/emulator/index';
import type { AuditEntry } from '@/lib/audit/types';
import type { StoredComparison } from '@/lib/snapshots/snapshots';
import type { SnapshotList, SnapshotMeta } from '@/lib/snapshots/types';
import { call, getToken } from '@/tests/emulator/support/direct';
import { control } from '@/tests/emulator/support/control';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);
// The harness mounts the emulator without its control plane; these tests change users through it.
vi.mock('@/emulator/index', async (importOriginal) => {
  const original = await importOriginal<typeof EmulatorModule>();
  return {
    ...original,
    createEmulator: (options: Parameters<typeof original.createEmulator>[0] = {}) =>
      original.createEmulator({ ...options, faultControl: true }),
  };
});

const BASE = 'http://portal.test';
// acme-sandbox (the auditor's) holds three search pages of users; the rest are small.
const ORG_SIZES = [4, 250, 4, 12, 4, 4];

let harness: PortalHarness;
let list: RouteHandler;
let create: RouteHandler;
let compare: RouteHandler;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: ORG_SIZES, rateLimitPerMinute: 6000 });
  ({ GET: list, POST: create } = await import('@/app/api/tenants/[tenantId]/snapshots/route'));
  ({ GET: compare } = await import('@/app/api/tenants/[tenantId]/snapshots/compare/route'));
});
afterAll(() => harness.close());

const cookieOf = (uid: string, tenant: string) => harness.cookiesFor(uid, { tenant });

async function invoke<T>(
  handler: RouteHandler,
  tenantId: string,
  cookie: string,
  init: RequestInit & { query?: string } = {},
) {
  const { query = '', ...rest } = init;
  const headers = { cookie, origin: BASE, ...(rest.body ? { 'content-type': 'application/json' } : {}) };
  const path = `${BASE}/api/tenants/${tenantId}/snapshots${handler === compare ? '/compare' : ''}${query}`;
  const { response, upstream } = await harness.invoke(handler, new Request(path, { ...rest, headers }), { tenantId });
  return {
    status: response.status,
    body: (await response.json()) as { tenantId: string; data: T; error?: { code: string } },
    upstream,
  };
}

const take = (tenantId: string, cookie: string, filter: Record<string, unknown> = {}) =>
  invoke<SnapshotMeta>(create, tenantId, cookie, { method: 'POST', body: JSON.stringify(filter) });
const compareIds = (tenantId: string, cookie: string, from: string, to: string) =>
  invoke<StoredComparison>(compare, tenantId, cookie, { query: `?from=${from}&to=${to}` });

type ApiUser = {
  id: string;
  name: string;
  state: string;
  division: { id: string };
  authorization: { roles: Ref[] };
};
type Ref = { id: string; name: string };

/** The tenant as the emulator holds it, read with a token of its own (not the portal's budget). */
async function emulatorView(tenantId: string) {
  const emulator = harness.mounted.emulator;
  const credential = harness.credentials.find((c) => c.tenantId === tenantId);
  if (!credential) throw new Error(`no tenant ${tenantId}`);
  const token = await getToken(emulator, credential);
  const get = async (path: string) => (await call(emulator, token, path)).json;
  const users = (await get('/api/v2/users?pageSize=500&state=any&expand=authorization')).entities as ApiUser[];
  const divisions = (await get('/api/v2/authorization/divisions?pageSize=100')).entities as Ref[];
  const roles = (await get('/api/v2/authorization/roles?pageSize=100')).entities as Ref[];
  return { users, divisions, roles };
}

describe('snapshots of a tenant changed at the emulator between two snapshots', () => {
  it('compare finds exactly the joiner, the leaver and the changed user', async () => {
    const cookie = await cookieOf('demo-auditor', 'acme-sandbox');
    const before = await emulatorView('acme-sandbox');
    const listed = before.users.filter((user) => user.state !== 'deleted');

    const first = await take('acme-sandbox', cookie);
    expect(first.status).toBe(200);
    expect(first.body.tenantId).toBe('acme-sandbox');
    expect(first.body.data).toMatchObject({ status: 'complete', total: listed.length, expected: listed.length });
    // Every page of the search, and nothing else of Genesys: three pages for ~240 users.
    const apiCalls = first.upstream.filter((c) => new URL(c.url).pathname.startsWith('/api/v2/users'));
    expect(apiCalls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'POST /api/v2/users/search',
      ...Array.from({ length: Math.ceil(listed.length / 100) - 1 }, () => 'GET /api/v2/users/search'),
    ]);

    const [leaver, changed] = listed.filter((user) => user.state === 'active');
    if (!leaver || !changed) throw new Error('too few active users');
    const division = before.divisions.find((d) => d.id !== changed.division.id);
    const developer = before.roles.find((role) => role.name === 'Developer');
    const path = `/tenants/acme-sandbox/users`;
    const emulator = harness.mounted.emulator;
    const joiner = await control<{ id: string }>(emulator, 'POST', path, { name: 'Zed Joiner' });
    expect(joiner.status).toBe(201);
    expect((await control(emulator, 'DELETE', `${path}/${leaver.id}`)).status).toBe(200);
    const patch = { state: 'inactive', divisionId: division?.id, roleIds: [developer?.id] };
    expect((await control(emulator, 'PATCH', `${path}/${changed.id}`, patch)).status).toBe(200);

    const second = await take('acme-sandbox', cookie);
    expect(second.body.data).toMatchObject({ status: 'complete', total: listed.length });

    const result = await compareIds('acme-sandbox', cookie, first.body.data.id, second.body.data.id);
    expect(result.status).toBe(200);
    const data = result.body.data;
    expect(data.counts).toEqual({ joiners: 1, leavers: 1, changed: 1, unchanged: listed.length - 2 });
    expect(data.joiners).toEqual([
      expect.objectContaining({
        id: joiner.body.id,
        name: 'Zed Joiner',
        state: 'active',
      }),
    ]);
    expect(data.joiners[0]?.roles.map((role) => role.name)).toEqual(['employee']);
    expect(data.leavers).toEqual([expect.objectContaining({ id: leaver.id, name: leaver.name })]);
    const [change] = data.changed;
    expect(data.changed).toHaveLength(1);
    expect(change).toMatchObject({ id: changed.id, name: changed.name });
    expect(change?.changes.state).toEqual({ from: 'active', to: 'inactive' });
    expect(change?.changes.division).toEqual({
      from: { id: changed.division.id, name: before.divisions.find((d) => d.id === changed.division.id)?.name },
      to: { id: division?.id, name: division?.name },
    });
    const had = changed.authorization.roles;
    const ids = (roles: Ref[] = []) => roles.map((role) => role.id).sort();
    const kept = had.filter((role) => role.id !== developer?.id);
    const added = had.length === kept.length ? [{ id: developer?.id, name: 'Developer' }] : [];
    expect(change?.changes.roles?.added).toEqual(added);
    expect(ids(change?.changes.roles?.removed)).toEqual(ids(kept));
    expect(data).toMatchObject({ sameFilter: true, from: { id: first.body.data.id }, to: { id: second.body.data.id } });

    // The list: this tenant's snapshots, newest first.
    const snapshots = await invoke<SnapshotList>(list, 'acme-sandbox', cookie);
    expect(snapshots.body.data.snapshots.slice(0, 2).map((s) => s.id)).toEqual([
      second.body.data.id,
      first.body.data.id,
    ]);
    expect(snapshots.upstream).toEqual([]);
  });

  it('a filtered snapshot holds only the filter’s users, and names the filter’s division', async () => {
    const cookie = await cookieOf('demo-auditor', 'acme-sandbox');
    const { users, divisions } = await emulatorView('acme-sandbox');
    const deleted = await take('acme-sandbox', cookie, { state: 'deleted' });
    expect(deleted.body.data).toMatchObject({
      filter: { state: 'deleted' },
      total: users.filter((user) => user.state === 'deleted').length,
    });
    const home = divisions[0];
    const inHome = await take('acme-sandbox', cookie, { division: home?.id });
    expect(inHome.body.data).toMatchObject({
      filterDivisionName: home?.name,
      total: users.filter((user) => user.state !== 'deleted' && user.division.id === home?.id).length,
    });
  });
});

describe('snapshot routes: who may, which tenant', () => {
  it('another tenant’s snapshot id through this tenant’s route is a 404, never its data', async () => {
    const auditor = await cookieOf('demo-auditor', 'initech-apac');
    const initech = await take('initech-apac', auditor);
    expect(initech.status).toBe(200);
    const sandboxCookie = await cookieOf('demo-auditor', 'acme-sandbox');
    const sandbox = await take('acme-sandbox', sandboxCookie);
    const crossed = await compareIds('acme-sandbox', sandboxCookie, initech.body.data.id, sandbox.body.data.id);
    expect(crossed.status).toBe(404);
    expect(crossed.body.error?.code).toBe('snapshot_not_found');
    const listed = await invoke<SnapshotList>(list, 'acme-sandbox', sandboxCookie);
    expect(listed.body.data.snapshots.map((s) => s.id)).not.toContain(initech.body.data.id);
    expect(listed.body.data.snapshots.every((s) => s.tenantId === 'acme-sandbox')).toBe(true);
    // Not granted at all: refused before any snapshot is looked at.
    const foreign = await compareIds('globex-eu', sandboxCookie, initech.body.data.id, initech.body.data.id);
    expect([foreign.status, foreign.body.error?.code]).toEqual([403, 'tenant_not_granted']);
  });

  it('ops (no users.export) get 403 on every snapshot route, with no upstream call', async () => {
    const cookie = await cookieOf('demo-ops', 'acme-prod');
    const id = '00000000-0000-4000-8000-000000000000';
    const answers = [
      await invoke(list, 'acme-prod', cookie),
      await take('acme-prod', cookie),
      await compareIds('acme-prod', cookie, id, id),
    ];
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    expect(answers.flatMap((a) => a.upstream)).toEqual([]);
  });

  it('refuses a filter it does not know, an unknown query, and a malformed id (422)', async () => {
    const cookie = await cookieOf('demo-admin', 'stark-uk');
    expect((await take('stark-uk', cookie, { state: 'gone' })).status).toBe(422);
    expect((await take('stark-uk', cookie, { tenantId: 'acme-prod' })).status).toBe(422);
    expect((await invoke(list, 'stark-uk', cookie, { query: '?tenantId=acme-prod' })).status).toBe(422);
    expect((await compareIds('stark-uk', cookie, '../x', 'y')).status).toBe(422);
  });

  it('a stale tab (another tenant active) cannot take a snapshot', async () => {
    const cookie = await cookieOf('demo-auditor', 'initech-apac');
    const stale = await take('acme-sandbox', cookie);
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'tenant_context_changed']);
  });
});

describe('one snapshot per tenant at a time', () => {
  it('a second POST while one runs is a 409 snapshot_in_progress, unaudited and with no upstream call', async () => {
    const auditor = await cookieOf('demo-auditor', 'acme-sandbox');
    const admin = await cookieOf('demo-admin', 'acme-sandbox');
    const before = (await harness.portal.audit.query({ limit: 500 })).entries.length;
    const [first, second] = await Promise.all([take('acme-sandbox', auditor), take('acme-sandbox', admin)]);
    const answers = [first, second].sort((a, b) => a.status - b.status);
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [200, undefined],
      [409, 'snapshot_in_progress'],
    ]);
    const refused = answers[1]?.body as unknown as { error: { message: string } };
    expect(refused.error.message).toMatch(
      /^A snapshot of this tenant is already being taken \(started by .+@demo\.test/,
    );
    expect(answers[1]?.upstream).toEqual([]);
    const entries = (await harness.portal.audit.query({ limit: 500 })).entries;
    expect(entries.length - before).toBe(1);
    // Once it ended, the tenant is free again.
    expect((await take('acme-sandbox', admin)).status).toBe(200);
  });
});

describe('audit and failures', () => {
  const newEntries = async (action: () => Promise<unknown>): Promise<AuditEntry[]> => {
    const before = (await harness.portal.audit.query({ limit: 500 })).entries.length;
    await action();
    const after = (await harness.portal.audit.query({ limit: 500 })).entries;
    return after.slice(0, after.length - before);
  };

  it('taking a snapshot leaves one audit entry: who, which tenant, the filter, the snapshot', async () => {
    const cookie = await cookieOf('demo-admin', 'initech-apac');
    let taken: SnapshotMeta | undefined;
    const entries = await newEntries(async () => {
      taken = (await take('initech-apac', cookie, { q: 'a' })).body.data;
    });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'snapshot.create',
        result: 'success',
        userEmail: 'admin@demo.test',
        tenantId: 'initech-apac',
        after: { snapshotId: taken?.id, total: taken?.total, filter: { q: 'a' } },
      }),
    ]);
  });

  it('a snapshot failing half-way is recorded failed (audited), its progress shown while taking, and cannot be compared', async () => {
    const cookie = await cookieOf('demo-auditor', 'acme-sandbox');
    const emulator = harness.mounted.emulator;
    // Page 2 is slow (the list shows the progress meanwhile), page 3 fails on every attempt.
    await control(emulator, 'POST', '/faults', { path: '/api/v2/users/search', method: 'GET', latencyMs: 1500 });
    let answered: Awaited<ReturnType<typeof take>> | undefined;
    const running = newEntries(async () => {
      answered = await take('acme-sandbox', cookie);
    });
    let progress: SnapshotMeta | undefined;
    for (let attempt = 0; attempt < 200 && !progress; attempt++) {
      const listed = await invoke<SnapshotList>(list, 'acme-sandbox', cookie);
      progress = listed.body.data.snapshots.find((s) => s.status === 'taking' && s.total > 0);
      if (!progress) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(progress).toMatchObject({ status: 'taking', total: 100 });
    expect(progress?.expected).toBeGreaterThan(200);
    await control(emulator, 'DELETE', '/faults'); // page 2 may answer now; page 3 fails
    await control(emulator, 'POST', '/faults', { path: '/api/v2/users/search', method: 'GET', status: 500, count: 20 });
    const entries = await running;
    await control(emulator, 'DELETE', '/faults');
    expect(entries).toEqual([expect.objectContaining({ action: 'snapshot.create', result: 'failure' })]);

    const failed = await harness.portal.audit.query({ limit: 1 });
    expect(failed.entries[0]?.tenantId).toBe('acme-sandbox');
    const listed = await invoke<SnapshotList>(list, 'acme-sandbox', cookie);
    const record = listed.body.data.snapshots.find((s) => s.id === progress?.id);
    expect(record?.status).toBe('failed');
    // The portal's mapped message (what the POST answered), never the raw upstream one, with the request id.
    const error = (answered?.body as unknown as { error: { message: string; requestId: string } }).error;
    expect(answered?.status).toBe(502);
    expect(record?.error).toBe(`Not completed: ${error.message}`);
    expect(record?.requestId).toBe(error.requestId);
    const complete = listed.body.data.snapshots.find((s) => s.status === 'complete');
    const refused = await compareIds('acme-sandbox', cookie, progress?.id ?? '', complete?.id ?? '');
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'snapshot_incomplete']);
  });
});
