import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { CookieSettings } from './cookie-settings';

/** The session cookie: who, which revocation version, when issued, when last active. */
export const sessionPayloadSchema = z.strictObject({
  uid: z.string().min(1).max(200),
  ver: z.number().int().min(0),
  iat: z.number().int().min(0),
  lat: z.number().int().min(0),
});
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;

/** The active-tenant cookie, bound to one user: a cookie sealed for someone else is ignored. */
export const tenantPayloadSchema = z.strictObject({
  uid: z.string().min(1).max(200),
  tid: z.string().min(1).max(64),
  at: z.number().int().min(0),
});
export type TenantPayload = z.infer<typeof tenantPayloadSchema>;

const ttlSeconds = (settings: CookieSettings) => Math.ceil(settings.absoluteMs / 1000);

export function sealPayload(payload: SessionPayload | TenantPayload, settings: CookieSettings): Promise<string> {
  return sealData(payload, { password: settings.password, ttl: ttlSeconds(settings) });
}

/** Undefined for a missing, tampered, expired or foreign-shaped cookie: never throws. */
async function unsealWith<T>(schema: z.ZodType<T>, value: string | undefined, settings: CookieSettings) {
  if (!value || value.length > 4096) return undefined;
  try {
    const data = await unsealData<unknown>(value, { password: settings.password, ttl: ttlSeconds(settings) });
    const parsed = schema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const unsealSession = (value: string | undefined, settings: CookieSettings) =>
  unsealWith(sessionPayloadSchema, value, settings);

export const unsealTenant = (value: string | undefined, settings: CookieSettings) =>
  unsealWith(tenantPayloadSchema, value, settings);

export type SessionTimeVerdict = 'ok' | 'expired' | 'idle';

/** Absolute lifetime from issue, idle lifetime from the last activity the server recorded. */
export function checkSessionTimes(payload: SessionPayload, now: number, settings: CookieSettings): SessionTimeVerdict {
  if (now - payload.iat >= settings.absoluteMs || payload.iat > now + 60_000) return 'expired';
  if (now - payload.lat >= settings.idleMs) return 'idle';
  return 'ok';
}
