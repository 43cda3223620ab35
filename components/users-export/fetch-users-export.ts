import type { ApiFailure } from '@/components/portal/api-fetch';
import {
  TOTAL_COUNT_HEADER,
  createRecordCounter,
  provenanceTenant,
  rowsFromRecords,
} from '@/lib/users-export/download-protocol';

export type ExportDownload =
  { ok: true; blob: Blob; filename: string; rows: number } | { ok: false; error: ApiFailure };

export interface ExportProgress {
  rows: number;
  /** The search's total when the export started; undefined if the server did not say. */
  total: number | undefined;
}

/** The portal's error body, as fetchApi reads it. */
async function toFailure(response: Response): Promise<ApiFailure> {
  const body = (await response.json().catch(() => null)) as { error?: Partial<ApiFailure> } | null;
  const error = body?.error;
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return {
    code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : `The portal answered ${response.status}.`,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
    missingPermissions: Array.isArray(error?.missingPermissions) ? error.missingPermissions : undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
  };
}

const notThisTenant = (requestId: string | undefined): ApiFailure => ({
  code: 'tenant_mismatch',
  message: 'The export did not come for this tenant; nothing was saved.',
  requestId,
});

const filenameOf = (response: Response, tenantId: string) =>
  /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `users-${tenantId}.csv`;

/**
 * Downloads the export while counting its rows: the body is read chunk by chunk (a page of
 * users each), rows are counted as CSV record ends outside quotes minus the provenance and
 * header lines (createRecordCounter), and `onProgress` hears of each chunk. The file is kept as
 * the received chunks and handed back as one Blob at the end, never as a string.
 *
 * Throws only the abort of `signal` (Cancel, tenant switch, unmount); every other failure is a
 * value. A body for another tenant than asked (its provenance line says which) is refused.
 */
export async function fetchUsersExport(
  url: string,
  tenantId: string,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: ExportProgress) => void },
): Promise<ExportDownload> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'text/csv' } });
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: { code: 'network_error', message: 'The portal could not be reached.' } };
  }
  if (!response.ok || !response.body) return { ok: false, error: await toFailure(response) };
  const totalHeader = Number(response.headers.get(TOTAL_COUNT_HEADER) ?? Number.NaN);
  const total = Number.isFinite(totalHeader) ? totalHeader : undefined;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const counter = createRecordCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let firstLine: string | undefined;
  let head = '';
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      const text = decoder.decode(chunk.value, { stream: true });
      counter.push(text);
      if (firstLine === undefined) {
        head += text;
        const end = head.indexOf('\r\n');
        if (end >= 0) firstLine = head.slice(0, end);
        if (firstLine !== undefined && provenanceTenant(firstLine) !== tenantId) {
          await reader.cancel();
          return { ok: false, error: notThisTenant(requestId) };
        }
      }
      onProgress({ rows: rowsFromRecords(counter.records), total });
    }
  } catch (error) {
    if (signal.aborted) throw error;
    const rows = rowsFromRecords(counter.records);
    const of = total === undefined ? '' : ` of ${total}`;
    return {
      ok: false,
      error: {
        code: 'export_interrupted',
        message: `The export stopped after ${rows}${of} rows; nothing was saved. Try again.`,
        requestId,
      },
    };
  }
  if (firstLine === undefined) return { ok: false, error: notThisTenant(requestId) };
  const blob = new Blob(chunks, { type: 'text/csv;charset=utf-8' });
  return { ok: true, blob, filename: filenameOf(response, tenantId), rows: rowsFromRecords(counter.records) };
}
