/**
 * GET /api/tenants/[tenantId]/users/export through the real handler, portal runtime and the
 * msw-mounted emulator: the whole filtered list exactly once (20 000-user tenant), through
 * 429 storms, stopped by a cancel, audited as started before any row and again when the stream
 * ends (how, and how many rows), refused cleanly (422/403/503).
 * 429s and the upstream 403 are injected in front of the emulator with msw (the harness mounts
 * the emulator without fault control); the emulator's own counters tell what reached it.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Emulator, TenantCredential } from '@/emulator/index';
import { call, getToken } from '@/tests/emulator/support/direct';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '@/tests/support/handler-harness';
import { parseCsv, splitExport } from '../../lib/audit-export/support/parse-csv';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const BASE = 'http://portal.test';
// acme-prod 20 000, acme-sandbox 1 500, globex-eu 1 200, then three small tenants.
const ORG_SIZES = [20_000, 1_500, 1_200, 4, 4, 4];
const COLUMNS = [
  'id',
  'name',
  'email',
  'username',
  'title',
  'department',
  'division',
  'state',
  'roles',
  'dateLastLogin',
  'manager',
];

let harness: PortalHarness;
let GET: RouteHandler;

beforeAll(async () => {
  // The portal may pace faster than 300/min: each tenant here stays under the emulator's own
  // 300 per minute per token in total, so the only 429s are the injected ones.
  harness = await startPortalHarness({ orgSizes: ORG_SIZES, rateLimitPerMinute: 6_000 });
  ({ GET } = await import('@/app/api/tenants/[tenantId]/users/export/route'));
});
afterAll(() => harness.close());

const credential = (tenantId: string): TenantCredential => {
  const found = harness.credentials.find((c) => c.tenantId === tenantId);
  if (!found) throw new Error(`no tenant ${tenantId}`);
  return found;
};

function exportRequest(
  uid: string,
  tenantId: string,
  query = '',
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
) {
  return (async () => {
    const cookie = await harness.cookiesFor(uid, { tenant: tenantId });
    const request = new Request(`${BASE}/api/tenants/${tenantId}/users/export${query}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin', ...init.headers },
      signal: init.signal,
    });
    return (await harness.invoke(GET, request, { tenantId })).response;
  })();
}

/** Every non-deleted user id of an org, read straight from the emulator with a token of its own. */
async function emulatorUserIds(emulator: Emulator, tenantId: string, states = ['active', 'inactive']) {
  const token = await getToken(emulator, credential(tenantId));
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await call(emulator, token, `/api/v2/users?pageSize=500&pageNumber=${page}&state=any`);
    const listing = result.json as { entities: { id: string; state: string }[]; pageCount: number };
    ids.push(...listing.entities.filter((u) => states.includes(u.state)).map((u) => u.id));
    if (page >= listing.pageCount) return ids;
  }
}

const exportsAudited = async () => (await harness.portal.audit.query({ action: 'users.export', limit: 500 })).entries;

/**
 * The entries of one export (by the response's request id), oldest first, once both are there:
 * the closing entry is written when the stream ends, after the body has been read.
 */
async function auditedExport(response: Response) {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  return vi.waitFor(
    async () => {
      const entries = (await exportsAudited()).filter((entry) => entry.requestId === requestId).reverse();
      expect(entries).toHaveLength(2);
      return entries;
    },
    { timeout: 5_000 },
  );
}

const upstreamOf = (tenantId: string) =>
  harness.mounted.emulator.stats().requestsByOrg[credential(tenantId).orgId] ?? 0;

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBeTruthy();
  return body;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/tenants/[tenantId]/users/export', () => {
  it('exports every user of the 20 000-user tenant exactly once, and no one else', async () => {
    const before = (await exportsAudited()).length;
    const response = await exportRequest('demo-admin', 'acme-prod');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="users-acme-prod-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const total = Number(response.headers.get('x-total-count'));
    const { provenance, header, rows } = splitExport(await response.text());

    expect(provenance).toMatch(
      /^# tenant=acme-prod filter= exportedAt=\d{4}-\d{2}-\d{2}T[\d:.]+Z exportedBy=admin%40demo\.test total=\d+$/,
    );
    expect(provenance).toContain(`total=${total}`);
    expect(header).toEqual(COLUMNS);
    const ids = rows.map((row) => row[0]!);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = await emulatorUserIds(harness.mounted.emulator, 'acme-prod');
    expect(expected.length).toBeGreaterThan(18_000);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const other of ['acme-sandbox', 'globex-eu', 'initech-apac', 'umbrella-ca', 'stark-uk']) {
      const theirs = new Set(await emulatorUserIds(harness.mounted.emulator, other, ['active', 'inactive', 'deleted']));
      expect(
        ids.filter((id) => theirs.has(id)),
        other,
      ).toEqual([]);
    }
    expect(rows.every((row) => row.length === COLUMNS.length && ['active', 'inactive'].includes(row[7]!))).toBe(true);
    // Audited as started before the first row, then as a success with every row.
    const [started, ended] = await auditedExport(response);
    expect((await exportsAudited()).length - before).toBe(2);
    expect(started).toMatchObject({ userId: 'demo-admin', tenantId: 'acme-prod', result: 'success' });
    expect(started?.details).toEqual({ format: 'csv', phase: 'started', filter: '', total });
    expect(ended).toMatchObject({ userId: 'demo-admin', tenantId: 'acme-prod', result: 'success' });
    expect(ended?.details).toEqual({ format: 'csv', phase: 'ended', filter: '', total, rows: total, failure: null });
    // No upstream 429 had to be ridden out: the tenant's budget was respected.
    expect(harness.mounted.emulator.stats().rateLimited).toBe(0);
  }, 120_000);

  it('completes under injected 429 storms without a duplicate or a gap', async () => {
    const expected = await emulatorUserIds(harness.mounted.emulator, 'acme-sandbox');
    // Bursts of 5 (more than the client's 4 attempts, so whole pages fail and are asked again) on
    // the first POST and on two q64 pages, plus single 429s retried inside one request.
    const schedule = new Map<number, number>([
      [0, 5],
      [4, 1],
      [6, 5],
      [11, 5],
      [13, 1],
    ]);
    let seen = 0;
    let injected = 0;
    let burst = 0;
    harness.mounted.server.use(
      http.all(`${harness.mounted.baseUrl}/api/v2/users/search`, ({ request }) => {
        if (request.headers.get('x-genesys-organization') !== credential('acme-sandbox').orgId) return undefined;
        if (burst === 0) burst = schedule.get(seen++) ?? 0;
        if (burst === 0) return undefined; // on to the emulator
        burst--;
        injected++;
        return HttpResponse.json(
          {
            status: 429,
            code: 'too.many.requests.retry.after',
            message: 'Rate limit exceeded the maximum. Retry the request in [0] seconds',
          },
          { status: 429, headers: { 'Retry-After': '0' } },
        );
      }),
    );
    try {
      const response = await exportRequest('demo-auditor', 'acme-sandbox', '?state=');
      expect(response.status).toBe(200);
      const { rows } = splitExport(await response.text());
      const ids = rows.map((row) => row[0]!);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      expect(ids).toHaveLength(Number(response.headers.get('x-total-count')));
      expect(injected).toBe(17);
      const [, ended] = await auditedExport(response);
      expect(ended).toMatchObject({ result: 'success', details: { failure: null, rows: ids.length } });
    } finally {
      harness.mounted.server.resetHandlers();
    }
  }, 60_000);

  for (const how of ['the request is aborted', 'the body is cancelled'] as const) {
    it(`stops asking upstream when ${how}, audited as started then cancelled`, async () => {
      const before = (await exportsAudited()).length;
      const controller = new AbortController();
      const start = upstreamOf('globex-eu');
      const response = await exportRequest('demo-admin', 'globex-eu', '', { signal: controller.signal });
      expect(response.status).toBe(200);
      const total = Number(response.headers.get('x-total-count'));
      const reader = response.body!.getReader();
      let text = '';
      while (parseCsvRows(text) < 150) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error('ended before the cancel');
        text += new TextDecoder().decode(chunk.value);
      }
      // Backpressure: two pages read, at most one more loaded ahead (plus token and binding check).
      expect(upstreamOf('globex-eu') - start).toBeLessThanOrEqual(5);
      if (how === 'the request is aborted') {
        controller.abort(new DOMException('client went away', 'AbortError'));
        // Keep reading: only the abort, not backpressure, can stop the paging now.
        await expect(drain(reader)).rejects.toMatchObject({ name: 'AbortError' });
      } else await reader.cancel();
      await settle(50);
      const stopped = upstreamOf('globex-eu');
      await settle(500);
      expect(upstreamOf('globex-eu')).toBe(stopped);
      expect(stopped - start).toBeLessThan(Math.ceil(total / 100));
      const [started, ended] = await auditedExport(response);
      expect((await exportsAudited()).length - before).toBe(2);
      expect(started).toMatchObject({ result: 'success', details: { phase: 'started', total } });
      expect(ended).toMatchObject({ result: 'failure', details: { phase: 'ended', failure: 'cancelled', total } });
      // The rows written before the cancel: at least those read, never the whole list.
      const rows = ended?.details?.rows;
      expect(rows).toBeGreaterThanOrEqual(150);
      expect(rows).toBeLessThan(total);
    });
  }

  it('records a failure with the error code and the rows sent when upstream refuses mid-stream', async () => {
    // The third search page of acme-sandbox (a POST, then q64 GETs) is refused with a 403, which
    // is not retried: two pages (200 rows) went out.
    let searches = 0;
    harness.mounted.server.use(
      http.all(`${harness.mounted.baseUrl}/api/v2/users/search`, ({ request }) => {
        if (request.headers.get('x-genesys-organization') !== credential('acme-sandbox').orgId) return undefined;
        if (++searches !== 3) return undefined;
        return HttpResponse.json(
          { status: 403, code: 'missing.any.permissions', message: 'You must have [directory:user:view]' },
          { status: 403 },
        );
      }),
    );
    try {
      const response = await exportRequest('demo-auditor', 'acme-sandbox');
      expect(response.status).toBe(200);
      const total = Number(response.headers.get('x-total-count'));
      await expect(response.text()).rejects.toThrow();
      const [started, ended] = await auditedExport(response);
      expect(started).toMatchObject({ result: 'success', details: { phase: 'started', total } });
      expect(ended).toMatchObject({
        result: 'failure',
        details: { phase: 'ended', failure: 'upstream_forbidden', rows: 200, total },
      });
    } finally {
      harness.mounted.server.resetHandlers();
    }
  });

  it('answers 422 for an invalid, unknown or repeated filter: nothing asked upstream, nothing audited', async () => {
    const before = (await exportsAudited()).length;
    const start = upstreamOf('initech-apac');
    for (const query of [
      '?state=gone',
      '?division=not-an-id',
      '?tenant=acme-prod',
      '?q=a&q=b',
      `?q=${'x'.repeat(101)}`,
    ]) {
      await expectRefused(await exportRequest('demo-auditor', 'initech-apac', query), 422, 'invalid_input');
    }
    expect(upstreamOf('initech-apac')).toBe(start);
    expect(await exportsAudited()).toHaveLength(before);
  });

  it('refuses a role without users.export, a tenant not granted and a cross-site request (403)', async () => {
    const before = (await exportsAudited()).length;
    await expectRefused(await exportRequest('demo-ops', 'acme-sandbox'), 403, 'forbidden');
    await expectRefused(await exportRequest('demo-auditor', 'globex-eu'), 403, 'tenant_not_granted');
    for (const site of ['cross-site', 'same-site']) {
      const response = await exportRequest('demo-auditor', 'initech-apac', '', { headers: { 'sec-fetch-site': site } });
      await expectRefused(response, 403, 'csrf_rejected');
    }
    const anonymous = await harness.invoke(GET, new Request(`${BASE}/api/tenants/initech-apac/users/export`), {
      tenantId: 'initech-apac',
    });
    await expectRefused(anonymous.response, 401, 'unauthenticated');
    expect(await exportsAudited()).toHaveLength(before);
  });

  it('answers an upstream 403 with the missing permission, before any row and unaudited', async () => {
    const before = (await exportsAudited()).length;
    harness.mounted.server.use(
      http.post(`${harness.mounted.baseUrl}/api/v2/users/search`, () =>
        HttpResponse.json(
          {
            status: 403,
            code: 'missing.any.permissions',
            message:
              'Unable to perform the requested action. You must have at least one of the following permissions assigned: [directory:user:view]',
          },
          { status: 403 },
        ),
      ),
    );
    try {
      const body = await expectRefused(await exportRequest('demo-auditor', 'initech-apac'), 403, 'upstream_forbidden');
      expect((body.error as unknown as { missingPermissions: string[] }).missingPermissions).toEqual([
        'directory:user:view',
      ]);
    } finally {
      harness.mounted.server.resetHandlers();
    }
    expect(await exportsAudited()).toHaveLength(before);
  });

  it('refuses the export (503) when the audit store cannot record it, and sends no rows', async () => {
    const { AuditUnavailableError } = await import('@/lib/audit/types');
    const append = vi
      .spyOn(harness.portal.audit, 'append')
      .mockRejectedValueOnce(new AuditUnavailableError('store down'));
    try {
      const body = await expectRefused(await exportRequest('demo-auditor', 'initech-apac'), 503, 'audit_unavailable');
      expect((body.error as unknown as { message: string }).message).toContain('could not be audited');
      // The refused start is the only append: no closing entry for an export that never began.
      expect(append).toHaveBeenCalledTimes(1);
    } finally {
      append.mockRestore();
    }
  });

  it('still delivers the whole file when the store fails to take the closing entry', async () => {
    const { AuditUnavailableError } = await import('@/lib/audit/types');
    const { logger } = await import('@/lib/logger');
    const real = harness.portal.audit.append.bind(harness.portal.audit);
    const append = vi
      .spyOn(harness.portal.audit, 'append')
      .mockImplementationOnce(real)
      .mockRejectedValueOnce(new AuditUnavailableError('store down'));
    const logged = vi.spyOn(logger, 'error');
    try {
      const response = await exportRequest('demo-auditor', 'initech-apac');
      const { rows } = splitExport(await response.text());
      expect(rows).toHaveLength(Number(response.headers.get('x-total-count')));
      // Headers and rows are out: the lost closing entry can only be logged (no unhandled rejection).
      await vi.waitFor(() => expect(append).toHaveBeenCalledTimes(2));
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ requestId: response.headers.get('x-request-id') }),
          'users export end not audited',
        ),
      );
    } finally {
      append.mockRestore();
      logged.mockRestore();
    }
  });

  it('applies the filter and records it in the provenance line and the audit entry', async () => {
    const response = await exportRequest('demo-auditor', 'initech-apac', '?state=deleted&q=a');
    const { provenance, rows } = splitExport(await response.text());
    expect(provenance).toContain(' filter=q%3Da%26state%3Ddeleted ');
    expect(rows.every((row) => row[7] === 'deleted')).toBe(true);
    expect(rows).toHaveLength(Number(response.headers.get('x-total-count')));
    const audited = await auditedExport(response);
    expect(audited.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ phase: 'started', filter: 'q=a&state=deleted' }),
      expect.objectContaining({ phase: 'ended', filter: 'q=a&state=deleted', rows: rows.length }),
    ]);
  });
});

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
}

/** Complete records in a CSV prefix, minus the provenance and header lines. */
function parseCsvRows(text: string): number {
  const end = text.lastIndexOf('\r\n');
  if (end < 0) return 0;
  const firstBreak = text.indexOf('\r\n');
  return Math.max(0, parseCsv(text.slice(firstBreak + 2, end + 2)).length - 1);
}
