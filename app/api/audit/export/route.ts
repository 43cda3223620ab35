import { csvDownloadHeaders } from '@/lib/audit-export/csv';
import { exportAuditCsv } from '@/lib/audit-export/export-audit-csv';
import { assertNotCrossSite } from '@/lib/audit-export/same-site';
import { unauthorized } from '@/lib/http/api-error';
import { errorResponse } from '@/lib/http/error-response';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { getRequestSession } from '@/lib/session/server';

// The filtered audit view as a CSV download (the filters of /audit); the export is itself audited.
export async function GET(request: Request) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  try {
    const session = await getRequestSession();
    if (!session) throw unauthorized();
    assertNotCrossSite(request);
    const csv = await exportAuditCsv(session.user, new URL(request.url).searchParams, requestId);
    return new Response(csv.body, { headers: { ...csvDownloadHeaders(csv.filename), [REQUEST_ID_HEADER]: requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
