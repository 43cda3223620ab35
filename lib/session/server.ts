import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { can } from '../auth/capabilities';
import type { Capability, PortalUser } from '../auth/types';
import { getPortalRuntime } from '../portal-runtime';
import type { CookieSettings } from './cookie-settings';
import { resolveSession, type SessionContext } from './resolve';
import { sealPayload } from './seal';

/** The signed-in user of this request, or null. Memoised per server render. */
export const getRequestSession = cache(async (): Promise<SessionContext | null> => {
  const jar = await cookies();
  const portal = getPortalRuntime();
  const { sessionCookie, tenantCookie } = portal.cookieSettings;
  const result = await resolveSession(
    { session: jar.get(sessionCookie)?.value, tenant: jar.get(tenantCookie)?.value },
    portal.sessionDeps(),
  );
  return result.ok ? result.context : null;
});

/** Pages: the session, or a redirect to the login page (which returns here afterwards). */
export async function requireSession(returnTo = '/dashboard'): Promise<SessionContext> {
  const session = await getRequestSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session;
}

/**
 * Pages a role cannot use: the session, or Next's 403 (app/forbidden.tsx). Call it from the
 * segment's layout, above its loading.tsx, so the 403 status is set before anything streams.
 */
export async function requireCapability(capability: Capability, returnTo: string): Promise<SessionContext> {
  const session = await requireSession(returnTo);
  if (!can(session.user.role, capability)) forbidden();
  return session;
}

function cookieOptions(settings: CookieSettings, sameSite: 'lax' | 'strict') {
  return {
    httpOnly: true,
    secure: settings.secure,
    sameSite,
    path: '/',
    maxAge: Math.floor(settings.absoluteMs / 1000),
  } as const;
}

/** Server actions and route handlers only (Server Components cannot set cookies). */
export async function startSession(user: PortalUser): Promise<void> {
  const portal = getPortalRuntime();
  const now = Date.now();
  const ver = await portal.sessionVersions.current(user.id);
  const sealed = await sealPayload({ uid: user.id, ver, iat: now, lat: now }, portal.cookieSettings);
  const jar = await cookies();
  jar.set(portal.cookieSettings.sessionCookie, sealed, cookieOptions(portal.cookieSettings, 'lax'));
  expireCookie(jar, portal.cookieSettings.tenantCookie, portal.cookieSettings);
}

// __Host- cookies are only replaced by a Set-Cookie with the same Secure/Path attributes.
function expireCookie(jar: Awaited<ReturnType<typeof cookies>>, name: string, settings: CookieSettings) {
  jar.set(name, '', { ...cookieOptions(settings, 'lax'), maxAge: 0 });
}

export async function setActiveTenantCookie(user: PortalUser, tenantId: string): Promise<void> {
  const portal = getPortalRuntime();
  const sealed = await sealPayload({ uid: user.id, tid: tenantId, at: Date.now() }, portal.cookieSettings);
  (await cookies()).set(portal.cookieSettings.tenantCookie, sealed, cookieOptions(portal.cookieSettings, 'strict'));
}

/** Logout: bump the version (every copy of the cookie dies, replayed or not) and clear both. */
export async function endSession(user: PortalUser | null): Promise<void> {
  const portal = getPortalRuntime();
  if (user) await portal.sessionVersions.bump(user.id);
  const jar = await cookies();
  expireCookie(jar, portal.cookieSettings.sessionCookie, portal.cookieSettings);
  expireCookie(jar, portal.cookieSettings.tenantCookie, portal.cookieSettings);
}
