import { randomBytes } from 'node:crypto';
import type { Env } from '../env';

export type SealPassword = string | Record<string, string>;

export interface CookieSettings {
  secure: boolean;
  sessionCookie: string;
  tenantCookie: string;
  password: SealPassword;
  absoluteMs: number;
  idleMs: number;
}

// Without a configured secret (development, tests) each process seals with its own random
// secret: sessions end at restart, the safe direction. Kept on globalThis because proxy.ts and
// the app are separate bundles in one process and must agree on it.
const globalForSecret = globalThis as typeof globalThis & { __portalSessionSecret?: string };

/**
 * Secure cookies carry the __Host- prefix (no Domain, Path=/, Secure): the browser then refuses
 * any subdomain's attempt to set them. The embedded demo serves plain http on loopback, so it
 * defaults to non-secure names; COOKIE_SECURE overrides either way.
 */
export function getCookieSettings(env: Env): CookieSettings {
  const secure =
    env.COOKIE_SECURE !== undefined
      ? env.COOKIE_SECURE === 'true'
      : env.NODE_ENV === 'production' && env.PORTAL_MODE === 'configured';
  const prefix = secure ? '__Host-' : '';
  globalForSecret.__portalSessionSecret ??= randomBytes(32).toString('base64url');
  return {
    secure,
    sessionCookie: `${prefix}portal-session`,
    tenantCookie: `${prefix}portal-tenant`,
    password: env.SESSION_SECRETS ?? env.SESSION_SECRET ?? globalForSecret.__portalSessionSecret,
    absoluteMs: env.SESSION_ABSOLUTE_MS,
    idleMs: env.SESSION_IDLE_MS,
  };
}
