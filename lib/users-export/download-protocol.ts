/**
 * What the export route and the export button agree on, pure so the browser bundle can take it:
 * the URL, the total's header, how to read the provenance line and how to count rows as the
 * bytes arrive.
 */
import { toViewSearch, type UserFilter } from '../users/user-view';

/** The search's total when the export started, for "rows so far / total". */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

export function usersExportUrl(tenantId: string, filter: UserFilter): string {
  const query = toViewSearch({ q: filter.q, state: filter.state, division: filter.division }).toString();
  return `/api/tenants/${encodeURIComponent(tenantId)}/users/export${query ? `?${query}` : ''}`;
}

/** The `tenant=` of the provenance line (`# tenant=… filter=…`), undefined if there is none. */
export function provenanceTenant(firstLine: string): string | undefined {
  if (!firstLine.startsWith('# ')) return undefined;
  const field = firstLine.split(' ').find((part) => part.startsWith('tenant='));
  return field === undefined ? undefined : decodeURIComponent(field.slice('tenant='.length).replace(/\+/g, ' '));
}

/**
 * Counts CSV record ends (CRLF outside quotes) across chunks. A line break inside a quoted cell
 * is not a record end; a doubled quote toggles twice, so it leaves the state as it was. The
 * provenance line holds no quote (its values are form-encoded), so it counts as one record.
 */
export function createRecordCounter() {
  let quoted = false;
  let lastWasCr = false;
  let records = 0;
  return {
    push(text: string): number {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */) quoted = !quoted;
        else if (c === 10 /* \n */ && lastWasCr && !quoted) records++;
        lastWasCr = c === 13; /* \r */
      }
      return records;
    },
    get records() {
      return records;
    },
  };
}

/** Rows of users so far: every record but the provenance line and the header row. */
export const rowsFromRecords = (records: number) => Math.max(0, records - 2);
