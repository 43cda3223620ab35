import { NextResponse, type NextRequest } from 'next/server';
import { isTenantGranted } from '@/lib/auth/grants';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { isStoreUnavailable, STORE_UNAVAILABLE } from '@/lib/http/store-unavailable';
import { getPortalRuntime } from '@/lib/portal-runtime';
import { resolveSession } from '@/lib/session/resolve';
import { sealPayload } from '@/lib/session/seal';
import { getGenesysRuntime } from '@/lib/tenants/runtime';

/**
 * Next.js 16's proxy (formerly middleware). A convenience, never the only gate: every handler,
 * page and action re-checks the session and the tenant. Here: strip headers only the portal may
 * set, send anonymous requests to the login page (API: 401 JSON), refuse a tenant the user is not
 * granted, inject X-Genesys-Organization for the active tenant, and keep the idle timer fresh.
 */
export const CLIENT_FORBIDDEN_HEADERS = ['x-genesys-organization', 'x-middleware-subrequest'] as const;

const PUBLIC_PATHS = new Set(['/login', '/api/health', '/api/auth/login']);
const TENANT_API = /^\/api\/tenants\/([^/]+)(?:\/|$)/;
const IDLE_REFRESH_MS = 60_000;

/** A path segment as Next will hand it to the route, or undefined when its %-encoding is malformed. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function deny(request: NextRequest, requestId: string, status: 400 | 401 | 403, code: string, message: string) {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: { code, message, requestId } },
      { status, headers: { 'Cache-Control': 'private, no-store', [REQUEST_ID_HEADER]: requestId } },
    );
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

/** Redis away: sessions cannot be checked, so nothing passes; a clear 503 instead of a bare 500. */
function storeUnavailable(request: NextRequest, requestId: string) {
  const { status, code, message, retryAfterSeconds } = STORE_UNAVAILABLE;
  const headers = {
    'Cache-Control': 'no-store',
    'Retry-After': String(retryAfterSeconds),
    [REQUEST_ID_HEADER]: requestId,
  };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code, message, requestId } }, { status, headers });
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${retryAfterSeconds}"><title>Temporarily unavailable</title></head><body><main><h1>Temporarily unavailable</h1><p>${message}</p><p>This page reloads by itself. Reference: ${requestId}</p></main></body></html>`;
  return new NextResponse(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of CLIENT_FORBIDDEN_HEADERS) headers.delete(name);
  const requestId = resolveRequestId(headers.get(REQUEST_ID_HEADER));
  headers.set(REQUEST_ID_HEADER, requestId);
  const pass = () => {
    const response = NextResponse.next({ request: { headers } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };
  if (PUBLIC_PATHS.has(request.nextUrl.pathname)) return pass();

  const portal = getPortalRuntime();
  const { sessionCookie, tenantCookie } = portal.cookieSettings;
  const cookies = {
    session: request.cookies.get(sessionCookie)?.value,
    tenant: request.cookies.get(tenantCookie)?.value,
  };
  const resolved = await resolveSession(cookies, portal.sessionDeps()).catch((error: unknown) => {
    if (isStoreUnavailable(error)) return 'store-unavailable' as const;
    throw error;
  });
  if (resolved === 'store-unavailable') return storeUnavailable(request, requestId);
  if (!resolved.ok) return deny(request, requestId, 401, 'unauthenticated', 'Sign in to continue.');
  const { user, session, activeTenantId } = resolved.context;

  const tenants = await getGenesysRuntime()
    .registry.list()
    .catch(() => []);
  const pathTenant = TENANT_API.exec(request.nextUrl.pathname)?.[1];
  if (pathTenant !== undefined) {
    // A malformed %-encoding is one more id that names no tenant: the same 403, not a throw (500).
    const tenantId = decodeSegment(pathTenant);
    const target = tenantId === undefined ? undefined : tenants.find((t) => t.tenantId === tenantId);
    if (!target || !isTenantGranted(user, target)) {
      return deny(request, requestId, 403, 'tenant_not_granted', 'This tenant is not available to you.');
    }
    // Next answers a 500 when it cannot decode a later dynamic segment ([featureName]).
    if (request.nextUrl.pathname.split('/').some((segment) => decodeSegment(segment) === undefined)) {
      return deny(request, requestId, 400, 'malformed_path', 'The address is not valid.');
    }
  }
  const active = tenants.find((t) => t.tenantId === activeTenantId);
  if (active && isTenantGranted(user, active)) headers.set('x-genesys-organization', active.orgId);

  const response = pass();
  const now = Date.now();
  if (now - session.lat >= IDLE_REFRESH_MS) {
    const sealed = await sealPayload({ ...session, lat: now }, portal.cookieSettings);
    response.cookies.set(sessionCookie, sealed, {
      httpOnly: true,
      secure: portal.cookieSettings.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: Math.max(0, Math.floor((session.iat + portal.cookieSettings.absoluteMs - now) / 1000)),
    });
  }
  return response;
}

export const config = {
  // Everything but static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
