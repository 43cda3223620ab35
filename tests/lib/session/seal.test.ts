import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { getCookieSettings } from '@/lib/session/cookie-settings';
import { checkSessionTimes, sealPayload, unsealSession, unsealTenant } from '@/lib/session/seal';

const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);
const settingsWith = (vars: Record<string, string>) => getCookieSettings(parseEnv(vars));

describe('sealed cookies', () => {
  const settings = settingsWith({ SESSION_SECRET: OLD });
  const session = { uid: 'demo-admin', ver: 1, iat: 1000, lat: 1000 };

  it('round-trips and rejects tampering, the wrong kind of cookie and garbage', async () => {
    const sealed = await sealPayload(session, settings);
    expect(await unsealSession(sealed, settings)).toEqual(session);
    const tampered = sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41);
    expect(await unsealSession(tampered, settings)).toBeUndefined();
    expect(await unsealTenant(sealed, settings)).toBeUndefined(); // a session cookie is not a tenant cookie
    expect(await unsealSession('x'.repeat(5000), settings)).toBeUndefined();
    expect(await unsealSession(undefined, settings)).toBeUndefined();
  });

  it('rotates secrets: new cookies sealed with the newest, old cookies still open, removed secrets end them', async () => {
    const sealedOld = await sealPayload(session, settingsWith({ SESSION_SECRETS: JSON.stringify({ 1: OLD }) }));
    const rotated = settingsWith({ SESSION_SECRETS: JSON.stringify({ 1: OLD, 2: NEW }) });
    expect(await unsealSession(sealedOld, rotated)).toEqual(session);
    const sealedNew = await sealPayload(session, rotated);
    expect(await unsealSession(sealedNew, settingsWith({ SESSION_SECRETS: JSON.stringify({ 2: NEW }) }))).toEqual(
      session,
    );
    expect(
      await unsealSession(sealedOld, settingsWith({ SESSION_SECRETS: JSON.stringify({ 2: NEW }) })),
    ).toBeUndefined();
  });

  it('enforces absolute and idle lifetimes', () => {
    const s = settingsWith({ SESSION_SECRET: OLD, SESSION_ABSOLUTE_MS: '3600000', SESSION_IDLE_MS: '600000' });
    const issued = { uid: 'u', ver: 0, iat: 0, lat: 0 };
    expect(checkSessionTimes(issued, 599_999, s)).toBe('ok');
    expect(checkSessionTimes(issued, 600_000, s)).toBe('idle');
    expect(checkSessionTimes({ ...issued, lat: 3_000_000 }, 3_500_000, s)).toBe('ok');
    expect(checkSessionTimes({ ...issued, lat: 3_599_000 }, 3_600_000, s)).toBe('expired');
    expect(checkSessionTimes({ ...issued, iat: 10_000_000 }, 0, s)).toBe('expired'); // issued in the future
  });

  it('uses __Host- names only for secure cookies', () => {
    expect(settingsWith({ SESSION_SECRET: OLD }).sessionCookie).toBe('portal-session');
    const prod = settingsWith({ SESSION_SECRET: OLD, NODE_ENV: 'production' });
    expect([prod.secure, prod.sessionCookie, prod.tenantCookie]).toEqual([
      true,
      '__Host-portal-session',
      '__Host-portal-tenant',
    ]);
    expect(settingsWith({ NODE_ENV: 'production', PORTAL_MODE: 'embedded-demo' }).secure).toBe(false);
  });
});
