/**
 * The audit log as CSV (RFC 4180: CRLF records, quotes doubled), streamed: entries are pulled
 * from an async iterable only as fast as the client reads, so an export of any size holds one
 * store page in memory. The file is:
 *
 *   line 1   `# Audit log export | exported by … | at … | N rows | filters: tenant=…` (provenance)
 *   line 2   the header row, AUDIT_CSV_COLUMNS in this order
 *   then     one record per entry, newest first; before/after/details as JSON
 *
 * The provenance line starts with `#` so CSV readers skip it as a comment (csv-parse
 * `comment: '#'`, pandas `comment='#'`) and a spreadsheet shows it as one text cell: it holds
 * no comma, semicolon, tab, quote or line break (values are URL-encoded), so no locale's
 * separator splits it and no cell of it starts with a formula character.
 * Cells starting with = + - @ tab or CR (and their full-width forms) are prefixed with `'` by
 * csv-stringify's escape_formulas, so an entry written by one user cannot become a formula in
 * the spreadsheet of the auditor who opens the export (OWASP "CSV injection").
 */
import { Readable, pipeline } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import type { AuditEntry } from '../audit/types';

export const AUDIT_CSV_COLUMNS = [
  'time',
  'id',
  'userEmail',
  'userId',
  'role',
  'tenantId',
  'action',
  'result',
  'requestId',
  'correlationId',
  'before',
  'after',
  'details',
] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

export function toCsvRecord(entry: AuditEntry): Record<AuditCsvColumn, string> {
  return {
    time: entry.time,
    id: entry.id,
    userEmail: entry.userEmail ?? '',
    userId: entry.userId ?? '',
    role: entry.role ?? '',
    tenantId: entry.tenantId ?? '',
    action: entry.action,
    result: entry.result,
    requestId: entry.requestId,
    correlationId: entry.correlationId ?? '',
    before: json(entry.before),
    after: json(entry.after),
    details: json(entry.details),
  };
}

export interface Provenance {
  exportedBy: { email: string; id: string };
  exportedAt: Date;
  rows: number;
  /** The filters as URL parameters (toFilterSearch), empty when none. */
  filters: URLSearchParams;
}

/**
 * The csv-stringify options every export of the portal writes with (audit, users): CRLF
 * records, formula-looking cells defused with a leading `'`, and a lone CR or LF quoted too
 * (csv-stringify quotes only a field holding the record delimiter, CRLF, but spreadsheets and
 * most readers take a lone CR or LF as a record break).
 */
export const SAFE_CSV_OPTIONS = {
  escape_formulas: true,
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
} as const satisfies Options;

/**
 * A provenance value form-encoded: only [A-Za-z0-9*-._] and %XX remain, so none of
 * , ; " tab CR LF or space survives to split the `#` line or start a formula.
 */
export const encodeProvenanceValue = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const safe = encodeProvenanceValue;

export function provenanceLine({ exportedBy, exportedAt, rows, filters }: Provenance): string {
  const query = filters.toString();
  return [
    '# Audit log export',
    `exported by ${safe(exportedBy.email)} (${safe(exportedBy.id)})`,
    `at ${exportedAt.toISOString()}`,
    `${rows} ${rows === 1 ? 'row' : 'rows'}`,
    `filters: ${query || 'none'}`,
  ].join(' | ');
}

const toBytes = (chunk: Buffer) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

async function* toRecords(entries: AsyncIterable<AuditEntry>) {
  for await (const entry of entries) yield toCsvRecord(entry);
}

/**
 * The CSV as a web stream for a Response. Cancelling it (the client went away) stops reading
 * the store; an error while reading errors the stream, so the download ends visibly cut short
 * instead of looking complete.
 */
export function createAuditCsvStream(
  entries: AsyncIterable<AuditEntry>,
  provenance: string,
): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    header: true,
    columns: [...AUDIT_CSV_COLUMNS],
    ...SAFE_CSV_OPTIONS,
  });
  // pipeline: an error in the source destroys the stringifier with it (pipe() would hang).
  pipeline(Readable.from(toRecords(entries)), stringifier, () => undefined);
  const encoder = new TextEncoder();
  const chunks: AsyncIterator<Buffer | string> = stringifier[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${provenance}\r\n`));
        return;
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : toBytes(next.value));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/** A download the browser saves and no cache keeps (audit data is per user and sensitive). */
export function csvDownloadHeaders(filename: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
