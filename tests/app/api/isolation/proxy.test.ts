/**
 * The proxy (proxy.ts) half of the isolation matrix: every demo user × every tenant API path ×
 * every tenant id shape. proxy.ts is a convenience gate (the handlers re-check everything, see
 * matrix.test.ts), but what it does must be right too: refuse a tenant not granted with the same
 * 403 whatever the id looks like (never a throw, i.e. a 500), strip client-supplied
 * X-Genesys-Organization and x-middleware-subrequest, and inject the org of the user's own
 * active, granted tenant only.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmulator } from '@/emulator/index';
import { loadProxyUnderTest, type ProxyUnderTest } from '@/tests/support/proxy-under-test';
import { SESSION_SECRET_FOR_TESTS } from '@/tests/support/handler-harness';
import { ORG_SIZES, ROUTE_METHODS, TENANT_IDS, USERS, type UserSpec } from './support';

const credentials = createEmulator({ orgSizes: ORG_SIZES }).listTenantCredentials();
const orgOf = (id: string) => credentials.find((t) => t.tenantId === id)?.orgId ?? 'no-such-org';

let proxy: ProxyUnderTest['proxy'];
let cookiesFor: ProxyUnderTest['cookiesFor'];

beforeAll(async () => {
  ({ proxy, cookiesFor } = await loadProxyUnderTest(credentials, SESSION_SECRET_FOR_TESTS));
});
afterAll(() => vi.unstubAllEnvs());

interface Outcome {
  status: number;
  code?: string;
  forwardedOrg: string | null;
  forwardedSubrequest: string | null;
}

async function through(path: string, headers: Record<string, string>): Promise<Outcome> {
  let response: Response;
  try {
    response = await proxy(new NextRequest(`http://portal.test${path}`, { headers }));
  } catch (error) {
    // What Next would turn into a 500.
    return { status: 500, code: String(error), forwardedOrg: null, forwardedSubrequest: null };
  }
  const body = response.headers.get('content-type')?.includes('json')
    ? ((await response.json()) as { error?: { code?: string } })
    : undefined;
  return {
    status: response.status,
    code: body?.error?.code,
    forwardedOrg: response.headers.get('x-middleware-request-x-genesys-organization'),
    forwardedSubrequest: response.headers.get('x-middleware-request-x-middleware-subrequest'),
  };
}

/** Tenant segments as they appear in the URL: granted or not, unknown, odd or malformed. */
const SEGMENTS = [
  ...TENANT_IDS,
  'tenant-07',
  'acme',
  'ACME-PROD',
  '..%2Finitech-apac',
  'acme-prod%2F..%2Finitech-apac',
  'acme-prod%252F..',
  'acme-prod%00',
  '%20acme-prod',
  '%D0%B0cme-prod',
  'a'.repeat(65),
  'z'.repeat(5000),
  // Malformed percent-encoding: decoding throws; the answer must still be the same 403.
  '%',
  '%zz',
  '%E0%A4%A',
  'acme-prod%',
];

const granted = (user: UserSpec, segment: string) => (user.granted as readonly string[]).includes(segment);

const PATHS = [...new Set(ROUTE_METHODS.map((rm) => rm.route.path('{t}')))];

describe('proxy.ts: tenant API paths', () => {
  for (const user of USERS) {
    it(`${user.email}: every path × tenant id shape; forged headers never pass`, async () => {
      const problems: string[] = [];
      const active = user.granted[0] ?? 'acme-prod';
      const cookie = await cookiesFor(user.id, active);
      for (const template of PATHS) {
        for (const segment of SEGMENTS) {
          const path = template.replace('{t}', segment);
          const forgedOrg = orgOf(TENANT_IDS.find((t) => t !== active) ?? 'acme-prod');
          const outcome = await through(path, {
            cookie,
            'x-genesys-organization': forgedOrg,
            'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
          });
          const label = `${user.role} ${path.slice(0, 80)}`;
          if (granted(user, segment)) {
            if (outcome.status !== 200) problems.push(`${label}: ${outcome.status} ${outcome.code ?? ''}`);
            if (outcome.forwardedOrg !== orgOf(active))
              problems.push(`${label}: forwarded org ${outcome.forwardedOrg}`);
          } else if (outcome.status !== 403 || outcome.code !== 'tenant_not_granted') {
            problems.push(`${label}: ${outcome.status} ${outcome.code ?? ''}, expected 403 tenant_not_granted`);
          }
          if (outcome.forwardedSubrequest !== null) problems.push(`${label}: x-middleware-subrequest forwarded`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('an active-tenant cookie of another user, or naming a tenant not granted, injects no org', async () => {
    const ops = USERS[1]!;
    const foreignOwner = await through('/api/tenants/acme-prod/organization', {
      cookie: await cookiesFor(ops.id, 'acme-prod', 'demo-admin'),
      'x-genesys-organization': orgOf('initech-apac'),
    });
    expect(foreignOwner).toMatchObject({ status: 200, forwardedOrg: null });
    const notGranted = await through('/api/tenants/acme-prod/organization', {
      cookie: await cookiesFor(ops.id, 'initech-apac'),
      'x-genesys-organization': orgOf('initech-apac'),
    });
    expect(notGranted).toMatchObject({ status: 200, forwardedOrg: null });
  });

  it('nobody signed in: 401 on every tenant path, whatever the headers', async () => {
    const problems: string[] = [];
    for (const template of PATHS) {
      for (const segment of ['acme-prod', '%', '..%2Finitech-apac']) {
        const outcome = await through(template.replace('{t}', segment), {
          'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
          'x-genesys-organization': orgOf('acme-prod'),
        });
        if (outcome.status !== 401 || outcome.code !== 'unauthenticated')
          problems.push(`${template} ${segment}: ${outcome.status} ${outcome.code ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('malformed percent-encoding after a granted tenant: a 400, never a 500', async () => {
    const cookie = await cookiesFor('demo-admin', 'acme-prod');
    for (const path of ['/api/tenants/acme-prod/features/%', '/api/tenants/acme-prod/features/%E0%A4%A']) {
      expect(await through(path, { cookie }), path).toMatchObject({ status: 400, code: 'malformed_path' });
    }
  });
});
