import 'server-only';
import { authenticate } from './auth/authenticate';
import type { PortalUser } from './auth/types';
import { recordAudit } from './audit';
import { getEnv } from './env';
import { getPortalRuntime } from './portal-runtime';

export type LoginOutcome =
  | { ok: true; user: PortalUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * One login path for the form and the JSON endpoint: throttled per account and per address,
 * one generic failure for every wrong combination, audited either way. A login that cannot be
 * audited is refused (recordAudit throws AuditUnavailableError).
 */
export async function performLogin(input: {
  email: string;
  password: string;
  ip: string;
  requestId: string;
}): Promise<LoginOutcome> {
  const portal = getPortalRuntime();
  const result = await authenticate({
    store: portal.users,
    throttle: portal.throttle,
    email: input.email,
    password: input.password,
    ip: input.ip,
  });
  if (!result.ok) {
    await recordAudit(portal.audit, {
      userId: null,
      userEmail: input.email.trim().toLowerCase().slice(0, 254),
      role: null,
      tenantId: null,
      action: 'login.failed',
      result: result.reason === 'throttled' ? 'denied' : 'failure',
      requestId: input.requestId,
    });
    return result.reason === 'throttled'
      ? { ok: false, reason: 'throttled', retryAfterMs: result.retryAfterMs ?? 60_000 }
      : { ok: false, reason: 'invalid' };
  }
  await recordAudit(portal.audit, {
    userId: result.user.id,
    userEmail: result.user.email,
    role: result.user.role,
    tenantId: null,
    action: 'login',
    result: 'success',
    requestId: input.requestId,
  });
  return { ok: true, user: result.user };
}

/** Only same-site paths: a login link must not bounce the user to another site. */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\'))
    return '/dashboard';
  return next.slice(0, 512);
}

/**
 * The client address for login throttling. Each trusted reverse proxy APPENDS the peer it saw
 * to X-Forwarded-For, so the client is the entry TRUSTED_PROXY_HOPS from the right; everything
 * to its left was written by the client and is ignored (taking the left-most entry would let a
 * client pick a fresh address per attempt, or lock out someone else's).
 */
export function clientAddress(headers: Headers, trustedHops = getEnv().TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? entries[0] ?? 'unknown';
}
