import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';

/**
 * Next.js 16's proxy (formerly middleware). A convenience, never the only gate: route handlers
 * re-check everything. Headers only the portal may set are stripped from the client's request:
 * X-Genesys-Organization is injected by the portal itself once sessions exist, and
 * x-middleware-subrequest is the header behind the 2025 middleware-bypass CVE.
 */
export const CLIENT_FORBIDDEN_HEADERS = ['x-genesys-organization', 'x-middleware-subrequest'] as const;

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of CLIENT_FORBIDDEN_HEADERS) headers.delete(name);
  const requestId = resolveRequestId(headers.get(REQUEST_ID_HEADER));
  headers.set(REQUEST_ID_HEADER, requestId);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything but static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
