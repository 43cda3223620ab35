import type { PortalUser } from '../auth/types';
import type { CookieSettings } from './cookie-settings';
import { checkSessionTimes, unsealSession, unsealTenant, type SessionPayload } from './seal';

export interface SessionDeps {
  settings: CookieSettings;
  findUser(userId: string): Promise<PortalUser | undefined>;
  /** The user's revocation counter: logout and disable bump it, killing every older cookie. */
  currentVersion(userId: string): Promise<number>;
  now(): number;
}

export interface SessionContext {
  user: PortalUser;
  session: SessionPayload;
  /** From the tenant cookie, only when it was sealed for this very user. Grants are checked by the caller. */
  activeTenantId: string | null;
}

export type SessionFailure = 'none' | 'invalid' | 'expired' | 'idle' | 'revoked' | 'unknown-user' | 'disabled';

/**
 * Everything a request must prove before it is anyone: a cookie we sealed, within its absolute
 * and idle lifetimes, of a user who still exists and is enabled, at the user's current session
 * version. One function, used by proxy.ts and by every handler, page and action.
 */
export async function resolveSession(
  cookies: { session?: string; tenant?: string },
  deps: SessionDeps,
): Promise<{ ok: true; context: SessionContext } | { ok: false; reason: SessionFailure }> {
  if (!cookies.session) return { ok: false, reason: 'none' };
  const session = await unsealSession(cookies.session, deps.settings);
  if (!session) return { ok: false, reason: 'invalid' };
  const times = checkSessionTimes(session, deps.now(), deps.settings);
  if (times !== 'ok') return { ok: false, reason: times };
  const user = await deps.findUser(session.uid);
  if (!user) return { ok: false, reason: 'unknown-user' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if ((await deps.currentVersion(user.id)) !== session.ver) return { ok: false, reason: 'revoked' };
  const tenant = await unsealTenant(cookies.tenant, deps.settings);
  const activeTenantId = tenant && tenant.uid === user.id ? tenant.tid : null;
  return { ok: true, context: { user, session, activeTenantId } };
}
