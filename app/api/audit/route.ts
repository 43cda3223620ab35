import { unauthorized } from '@/lib/http/api-error';
import { readAuditLog } from '@/lib/http/audit-view';
import { errorResponse } from '@/lib/http/error-response';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { getRequestSession } from '@/lib/session/server';

// The audit trail with filters (tenant, user, action, result, time range, cursor).
export async function GET(request: Request) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  try {
    const session = await getRequestSession();
    if (!session) throw unauthorized();
    const page = await readAuditLog(session.user, new URL(request.url).searchParams);
    return Response.json(page, { headers: { 'Cache-Control': 'private, no-store', [REQUEST_ID_HEADER]: requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
