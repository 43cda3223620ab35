import 'server-only';
import { recordAudit } from '../audit';
import { AuditUnavailableError } from '../audit/types';
import { csvDownloadHeaders } from '../audit-export/csv';
import { assertNotCrossSite } from '../audit-export/same-site';
import { ApiError } from '../http/api-error';
import { mapError } from '../http/error-response';
import { REQUEST_ID_HEADER } from '../http/request-id';
import type { TenantRouteContext } from '../http/with-tenant-route';
import { logger } from '../logger';
import { systemClock } from '../upstream/system-clock';
import { toViewSearch, userFilterSchema, type UserFilter } from '../users/user-view';
import { csvHeaderLine, exportFilename, provenanceLine } from './csv';
import { createUsersCsvStream, type ExportOutcome } from './csv-stream';
import { TOTAL_COUNT_HEADER } from './download-protocol';
import { openUserRows, type UserRows } from './user-rows';

/**
 * GET /api/tenants/[tenantId]/users/export?q=&state=&division= → the filtered users as a CSV
 * download, streamed page by page, itself audited. In order, each step able to refuse before
 * anything is sent:
 *
 * 1. Cross-site GETs are refused: the export writes an audit entry, like the audit export.
 * 2. The filter is validated (422); an unknown or repeated parameter is refused too, so a typo
 *    cannot silently export every user.
 * 3. The first search page is loaded: its total is the X-Total-Count, and an upstream refusal
 *    (403 naming the permission, 429 after retries) is answered as such.
 * 4. `users.export` is recorded as started (`phase: 'started'`, the filter and that total); a
 *    store that cannot take it refuses the export (503): no user list leaves the portal without a
 *    trace of who took it. Its result is `success` only in that the export was allowed to begin.
 * 5. The rows stream; the client going away (request signal, body cancelled) stops the paging.
 * 6. When the stream ends a second entry (same request id, `phase: 'ended'`) says how: `success`
 *    with the rows written, or `failure` with `cancelled` or the error code and the rows written
 *    until then. Headers are long sent by then, so a store failing now can only be logged.
 */
export async function exportUsersCsv(context: TenantRouteContext): Promise<Response> {
  const { request, requestId, user, tenant, connection, genesys, portal } = context;
  assertNotCrossSite(request);
  const filter = parseExportFilter(new URL(request.url).searchParams);
  const rows = await openUserRows({
    client: genesys.client,
    tenant: connection,
    filter,
    signal: request.signal,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    requestId,
  });
  const exportedAt = new Date();
  const audited = {
    userId: user.id,
    userEmail: user.email,
    role: user.role,
    tenantId: tenant.tenantId,
    action: 'users.export',
    requestId,
  } as const;
  const about = { format: 'csv', filter: toViewSearch(filter).toString(), total: rows.total };
  try {
    await recordAudit(portal.audit, { ...audited, result: 'success', details: { ...about, phase: 'started' } });
  } catch (error) {
    rows.close();
    if (!(error instanceof AuditUnavailableError)) throw error;
    throw new ApiError(503, 'audit_unavailable', 'The export was refused: it could not be audited. Try again shortly.');
  }
  const onEnd = (end: ExportOutcome) => {
    const failure = failureOf(end, request.signal);
    logEnd(end, failure, rows, { requestId, tenantId: tenant.tenantId });
    const details = { ...about, phase: 'ended', rows: rows.stats.rows, failure };
    recordAudit(portal.audit, { ...audited, result: failure === null ? 'success' : 'failure', details }).catch(
      (error: unknown) => {
        logger.error({ requestId, tenantId: tenant.tenantId, err: String(error) }, 'users export end not audited');
      },
    );
  };
  const head =
    provenanceLine({ tenantId: tenant.tenantId, filter, exportedAt, exportedBy: user.email, total: rows.total }) +
    '\r\n' +
    csvHeaderLine();
  const body = createUsersCsvStream(head, rows, onEnd);
  return new Response(body, {
    headers: {
      ...csvDownloadHeaders(exportFilename(tenant.tenantId, exportedAt)),
      [TOTAL_COUNT_HEADER]: String(rows.total),
      [REQUEST_ID_HEADER]: requestId,
    },
  });
}

/** q, state and division, each at most once; anything else is a 422 (ZodError → invalid_input). */
export function parseExportFilter(search: URLSearchParams): UserFilter {
  const keys = [...search.keys()];
  if (new Set(keys).size !== keys.length) {
    throw new ApiError(422, 'invalid_input', 'A filter parameter is given more than once.');
  }
  const given = [...search.entries()].filter(([, value]) => value.trim() !== '');
  return userFilterSchema.parse(Object.fromEntries(given));
}

/**
 * null for a complete export, else why it stopped: `cancelled` when the client went away (the
 * request's abort surfaces as a failed page read, but is the client's doing), else the error's
 * code as the route would have answered it.
 */
function failureOf(end: ExportOutcome, request: AbortSignal): string | null {
  if (end.outcome === 'complete') return null;
  if (end.outcome === 'cancelled' || request.aborted) return 'cancelled';
  return mapError(end.error).code;
}

/** Headers are long sent when the stream ends: the log says how it ended and why. */
function logEnd(
  end: ExportOutcome,
  failure: string | null,
  rows: UserRows,
  context: { requestId: string; tenantId: string },
) {
  const details = { ...context, total: rows.total, ...rows.stats };
  if (end.outcome === 'failed' && failure !== 'cancelled') {
    const err = end.error instanceof Error ? end.error.name : typeof end.error;
    logger.error({ ...details, err, code: failure }, 'users export failed while streaming');
  } else logger.info({ ...details, outcome: failure ?? 'complete' }, 'users export ended');
}
