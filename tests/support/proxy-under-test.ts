/**
 * proxy.ts as Next runs it, against the embedded-demo users and the given tenants (from a tenants
 * file, so no network is needed), with cookies sealed exactly as the portal seals them. Call in
 * beforeAll; restore with vi.unstubAllEnvs() in afterAll.
 */
import type { NextRequest } from 'next/server';
import { vi } from 'vitest';
import type { TenantCredential } from '@/emulator/index';
import { sealPayload } from '@/lib/session/seal';
import { writeTenantsFile } from './runtime-fixture';

export interface ProxyUnderTest {
  proxy: (request: NextRequest) => Promise<Response>;
  /** Session cookie of `uid` (current session version), plus a tenant cookie when `tenantId` is given. */
  cookiesFor: (uid: string, tenantId?: string, tenantUid?: string) => Promise<string>;
}

export async function loadProxyUnderTest(
  tenants: TenantCredential[],
  sessionSecret: string,
  redisUrl = '',
): Promise<ProxyUnderTest> {
  vi.resetModules();
  vi.stubEnv('PORTAL_MODE', 'embedded-demo');
  vi.stubEnv('TENANTS_FILE', writeTenantsFile(tenants));
  vi.stubEnv('CONFIG_SERVICE_URL', '');
  vi.stubEnv('REDIS_URL', redisUrl);
  vi.stubEnv('SESSION_SECRET', sessionSecret);
  vi.stubEnv('LOG_LEVEL', 'silent');
  const globals = globalThis as Record<string, unknown>;
  delete globals.__portalRuntime;
  delete globals.__genesysRuntime;
  const { proxy } = await import('@/proxy');
  const portal = (await import('@/lib/portal-runtime')).getPortalRuntime();
  const settings = portal.cookieSettings;
  return {
    proxy,
    async cookiesFor(uid, tenantId, tenantUid = uid) {
      const now = Date.now();
      const ver = await portal.sessionVersions.current(uid);
      const parts = [`${settings.sessionCookie}=${await sealPayload({ uid, ver, iat: now, lat: now }, settings)}`];
      if (tenantId)
        parts.push(
          `${settings.tenantCookie}=${await sealPayload({ uid: tenantUid, tid: tenantId, at: now }, settings)}`,
        );
      return parts.join('; ');
    },
  };
}
