/**
 * The users export as CSV text (RFC 4180: CRLF records, quotes doubled), written a page at a
 * time so the file never exists whole on the server. The file is:
 *
 *   line 1   `# tenant=… filter=… exportedAt=… exportedBy=… total=…` (provenance)
 *   line 2   the header row: `id`, then USER_COLUMNS, one fixed order whatever the table shows
 *   then     one record per user
 *
 * The same rules as the audit export (lib/audit-export/csv.ts): the provenance line is a `#`
 * comment whose values are form-encoded, so it holds no separator, quote or line break; cells
 * starting with = + - @ tab or CR (and their full-width forms) get a leading `'` from
 * csv-stringify's escape_formulas, so a user name typed in Genesys Cloud cannot become a formula
 * in the spreadsheet of whoever opens the export; a lone CR or LF is quoted, not only CRLF.
 */
import { stringify, type Options } from 'csv-stringify/sync';
import { encodeProvenanceValue as encode, SAFE_CSV_OPTIONS } from '../audit-export/csv';
import { USER_COLUMNS, toViewSearch, type UserColumn, type UserFilter } from '../users/user-view';

/**
 * The user's id leads: it is the one key that identifies a user across exports and snapshots
 * (names and emails change); the table's columns follow in their default order.
 */
export const EXPORT_COLUMNS = ['id', ...USER_COLUMNS] as const;
export type ExportColumn = 'id' | UserColumn;
export type UserCsvRecord = Record<ExportColumn, string>;

const CSV_OPTIONS: Options = { columns: [...EXPORT_COLUMNS], ...SAFE_CSV_OPTIONS };

/** The header row, CRLF-terminated. */
export const csvHeaderLine = (): string => stringify([[...EXPORT_COLUMNS]], SAFE_CSV_OPTIONS);

/** Records → CSV text in EXPORT_COLUMNS order, each record CRLF-terminated ('' for none). */
export function toCsvText(records: readonly UserCsvRecord[]): string {
  return records.length === 0 ? '' : stringify([...records], CSV_OPTIONS);
}

export interface UsersProvenance {
  tenantId: string;
  filter: UserFilter;
  exportedAt: Date;
  exportedBy: string;
  /** Users matching the filter when the export started (the search's total). */
  total: number;
}

/** `# tenant=acme-prod filter=state%3Dactive exportedAt=… exportedBy=auditor%40demo.test total=42` */
export function provenanceLine({ tenantId, filter, exportedAt, exportedBy, total }: UsersProvenance): string {
  return [
    '#',
    `tenant=${encode(tenantId)}`,
    // The filter as the users page's URL holds it (toViewSearch), empty for "no filter".
    `filter=${encode(toViewSearch(filter).toString())}`,
    `exportedAt=${exportedAt.toISOString()}`,
    `exportedBy=${encode(exportedBy)}`,
    `total=${total}`,
  ].join(' ');
}

/** `users-acme-prod-2025-01-31.csv` (tenant ids are [a-z0-9-], safe in a header). */
export const exportFilename = (tenantId: string, exportedAt: Date) =>
  `users-${tenantId}-${exportedAt.toISOString().slice(0, 10)}.csv`;
