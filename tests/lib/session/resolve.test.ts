import { describe, expect, it } from 'vitest';
import type { PortalUser } from '@/lib/auth/types';
import { parseEnv } from '@/lib/env';
import { getCookieSettings } from '@/lib/session/cookie-settings';
import { resolveSession, type SessionDeps } from '@/lib/session/resolve';
import { sealPayload } from '@/lib/session/seal';

const settings = getCookieSettings(parseEnv({ SESSION_SECRET: 's'.repeat(32) }));
const ops: PortalUser = {
  id: 'u-ops',
  email: 'ops@demo.test',
  name: 'Ops',
  role: 'ops',
  grants: { tenants: ['acme-prod'], groups: [] },
  disabled: false,
};
const auditor: PortalUser = { ...ops, id: 'u-aud', email: 'auditor@demo.test', role: 'auditor' };

function deps(overrides: Partial<SessionDeps> = {}, users = [ops, auditor], versions: Record<string, number> = {}) {
  return {
    settings,
    findUser: (id: string) => Promise.resolve(users.find((u) => u.id === id)),
    currentVersion: (id: string) => Promise.resolve(versions[id] ?? 0),
    now: () => 10_000,
    ...overrides,
  } satisfies SessionDeps;
}

const sessionFor = (uid: string, ver = 0) => sealPayload({ uid, ver, iat: 9_000, lat: 9_500 }, settings);
const tenantFor = (uid: string, tid: string) => sealPayload({ uid, tid, at: 9_000 }, settings);

describe('resolveSession', () => {
  it('resolves a valid session and its own tenant cookie', async () => {
    const result = await resolveSession(
      { session: await sessionFor('u-ops'), tenant: await tenantFor('u-ops', 'acme-prod') },
      deps(),
    );
    expect(result).toMatchObject({ ok: true, context: { user: { id: 'u-ops' }, activeTenantId: 'acme-prod' } });
  });

  it('ignores a tenant cookie sealed for another user', async () => {
    const result = await resolveSession(
      { session: await sessionFor('u-ops'), tenant: await tenantFor('u-aud', 'initech-apac') },
      deps(),
    );
    expect(result).toMatchObject({ ok: true, context: { activeTenantId: null } });
  });

  it('refuses missing, tampered, revoked, disabled, unknown and timed-out sessions', async () => {
    const valid = await sessionFor('u-ops');
    expect(await resolveSession({}, deps())).toEqual({ ok: false, reason: 'none' });
    expect(await resolveSession({ session: valid.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) }, deps())).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await resolveSession({ session: valid }, deps({}, [ops], { 'u-ops': 1 }))).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(await resolveSession({ session: valid }, deps({}, [{ ...ops, disabled: true }]))).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(await resolveSession({ session: valid }, deps({}, [auditor]))).toEqual({
      ok: false,
      reason: 'unknown-user',
    });
    expect(await resolveSession({ session: valid }, deps({ now: () => 9_500 + settings.idleMs }))).toEqual({
      ok: false,
      reason: 'idle',
    });
    // a tenant cookie is not a session cookie
    expect(await resolveSession({ session: await tenantFor('u-ops', 'acme-prod') }, deps())).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
