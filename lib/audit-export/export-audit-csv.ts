import 'server-only';
import { can } from '../auth/capabilities';
import type { PortalUser } from '../auth/types';
import { recordAudit } from '../audit';
import { formatEntryId, parseEntryId } from '../audit/entry-id';
import { AuditUnavailableError, type AuditEntry } from '../audit/types';
import { ApiError, forbidden } from '../http/api-error';
import { logger } from '../logger';
import { getPortalRuntime } from '../portal-runtime';
import { createAuditCsvStream, provenanceLine } from './csv';
import { parseAuditFilters, toFilterSearch, type AuditFilters } from './filters';
import { readAuditView } from './read-audit-view';
import { walkAuditPages, type AuditPageReader } from './walk-pages';

/** Entries per store read: the most one query returns (lib/audit MAX_LIMIT), so one page in memory. */
export const EXPORT_PAGE_SIZE = 500;

export interface AuditCsvExport {
  body: ReadableStream<Uint8Array>;
  filename: string;
  rows: number;
}

/**
 * The CSV export of a filtered audit view, itself audited. Two passes over the view:
 *
 * 1. Count the matching entries (nothing kept but the count and the newest id).
 * 2. Record `audit.export` with the filters and that count, and only once the entry is durable
 *    stream the rows. A store that cannot take the entry refuses the export (503): nothing
 *    leaves the audit log without a trace of who took it.
 *
 * The second pass is pinned below the successor of the newest counted id: entries appended
 * meanwhile (this export's own entry among them) get higher ids, so the file holds exactly the
 * counted rows and its provenance line and audit entry state the true count. The price is
 * reading the view twice; exports are rare and an audit entry written after the data left
 * could not fail closed, nor could one written before know what it covers.
 */
export async function exportAuditCsv(
  user: PortalUser,
  search: URLSearchParams,
  requestId: string,
): Promise<AuditCsvExport> {
  if (!can(user.role, 'audit.view')) throw forbidden('Your role cannot read the audit log.');
  const parsed = parseAuditFilters(search, { cursor: false, unknown: 'reject' });
  if (!parsed.ok) {
    throw new ApiError(422, 'invalid_filters', parsed.problems.join(' '), {}, { problems: parsed.problems });
  }
  const { filters } = parsed;
  const read = (before: string | undefined) => readAuditView(user, filters, { before, limit: EXPORT_PAGE_SIZE });
  const { rows, newestId } = await unlessStoreDown(() => countView(read));
  const exportedAt = new Date();
  await recordExport(user, filters, { rows, newestId, requestId });
  const through = newestId === undefined ? undefined : successorId(newestId);
  const entries = through === undefined ? noEntries() : logFailure(walkAuditPages(read, through), requestId);
  const provenance = provenanceLine({
    exportedBy: { email: user.email, id: user.id },
    exportedAt,
    rows,
    filters: toFilterSearch(filters),
  });
  const filename = `audit-${exportedAt.toISOString().slice(0, 10)}.csv`;
  return { body: createAuditCsvStream(entries, provenance), filename, rows };
}

async function countView(read: AuditPageReader) {
  let rows = 0;
  let newestId: string | undefined;
  for await (const entry of walkAuditPages(read)) {
    newestId ??= entry.id;
    rows += 1;
  }
  return { rows, newestId };
}

/** The smallest id above `id`: "older than this" then includes `id` itself. */
function successorId(id: string): string {
  const parsed = parseEntryId(id);
  if (!parsed) throw new TypeError(`Not an audit entry id: ${id}`);
  return formatEntryId({ ms: parsed.ms, seq: parsed.seq + 1 });
}

async function recordExport(
  user: PortalUser,
  filters: AuditFilters,
  { rows, newestId, requestId }: { rows: number; newestId: string | undefined; requestId: string },
) {
  try {
    await recordAudit(getPortalRuntime().audit, {
      userId: user.id,
      userEmail: user.email,
      role: user.role,
      // An export of one tenant's entries concerns that tenant; "all my tenants" none in particular.
      tenantId: filters.tenant ?? null,
      action: 'audit.export',
      result: 'success',
      requestId,
      details: { format: 'csv', rows, filters: toFilterSearch(filters).toString(), newestId: newestId ?? null },
    });
  } catch (error) {
    if (!(error instanceof AuditUnavailableError)) throw error;
    throw new ApiError(503, 'audit_unavailable', 'The export was refused: it could not be audited. Try again shortly.');
  }
}

async function unlessStoreDown<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AuditUnavailableError)) throw error;
    throw new ApiError(503, 'audit_unavailable', 'The audit log could not be read; nothing was exported.');
  }
}

// An empty export still has a (header-only) stream.
async function* noEntries(): AsyncGenerator<AuditEntry> {}

/** Headers are sent by now: the stream errors (the download ends short) and the log says why. */
async function* logFailure(entries: AsyncIterable<AuditEntry>, requestId: string): AsyncGenerator<AuditEntry> {
  try {
    yield* entries;
  } catch (error) {
    logger.error({ requestId, err: String(error) }, 'audit export failed while streaming');
    throw error;
  }
}
