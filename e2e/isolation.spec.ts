import { request as httpRequest } from 'node:http';
import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from '@playwright/test';
import { createEmulator, type Emulator } from '../emulator/index';

/**
 * Tenant isolation through the real server (proxy.ts + handlers, `next start` + the embedded
 * emulator): each demo user signs in through POST /api/auth/login and calls every tenant API
 * route for every tenant. Granted tenants answer their own data only; others are the same 403
 * whatever the capability; forged headers and odd paths change nothing. The canaries (org ids,
 * names, domains, entity ids) come from an emulator built here with the launcher's default seed.
 */

const TENANTS = ['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac', 'umbrella-ca', 'stark-uk'] as const;
type TenantId = (typeof TENANTS)[number];

type Capability = 'tenant.view' | 'org.edit' | 'users.view' | 'credentials.view';
interface DemoUser {
  email: string;
  role: string;
  granted: readonly TenantId[];
  can: readonly Capability[];
}
const USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.test',
    role: 'admin',
    granted: TENANTS,
    can: ['tenant.view', 'org.edit', 'users.view', 'credentials.view'],
  },
  {
    email: 'ops@demo.test',
    role: 'ops',
    granted: ['acme-prod', 'acme-sandbox', 'globex-eu', 'stark-uk'],
    can: ['tenant.view', 'org.edit', 'users.view'],
  },
  {
    email: 'auditor@demo.test',
    role: 'auditor',
    granted: ['acme-sandbox', 'initech-apac'],
    can: ['tenant.view', 'users.view'],
  },
];

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: (tenant: string) => string;
  capability: Capability;
  write?: boolean;
  body?: unknown;
}
const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: (t) => `/api/tenants/${t}/organization`, capability: 'tenant.view' },
  {
    method: 'PUT',
    path: (t) => `/api/tenants/${t}/organization`,
    capability: 'org.edit',
    write: true,
    body: { version: 1 },
  },
  { method: 'GET', path: (t) => `/api/tenants/${t}/authentication-settings`, capability: 'tenant.view' },
  {
    method: 'PATCH',
    path: (t) => `/api/tenants/${t}/authentication-settings`,
    capability: 'org.edit',
    write: true,
    body: { multifactorAuthenticationRequired: true },
  },
  { method: 'GET', path: (t) => `/api/tenants/${t}/divisions`, capability: 'tenant.view' },
  { method: 'GET', path: (t) => `/api/tenants/${t}/roles`, capability: 'tenant.view' },
  { method: 'GET', path: (t) => `/api/tenants/${t}/oauth-clients`, capability: 'tenant.view' },
  { method: 'GET', path: (t) => `/api/tenants/${t}/users?pageSize=5`, capability: 'users.view' },
  {
    method: 'POST',
    path: (t) => `/api/tenants/${t}/users/search`,
    capability: 'users.view',
    body: { text: 'a', pageSize: 5 },
  },
  {
    method: 'PATCH',
    path: (t) => `/api/tenants/${t}/features/informalPhotos`,
    capability: 'org.edit',
    write: true,
    body: { enabled: true },
  },
  { method: 'GET', path: (t) => `/api/tenants/${t}/health`, capability: 'credentials.view' },
  { method: 'GET', path: (t) => `/api/tenants/${t}/overview`, capability: 'tenant.view' },
  { method: 'GET', path: (t) => `/api/tenants/${t}/usage`, capability: 'tenant.view' },
];

// ---------------------------------------------------------------------------------------------
// Canaries: read straight from an emulator with the launcher's seed (in-process, no network).

interface Canaries {
  orgId: string;
  displayName: string;
  ids: string[];
  marks: string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function readCanaries(emulator: Emulator): Promise<Map<TenantId, Canaries>> {
  const book = new Map<TenantId, Canaries>();
  for (const credential of emulator.listTenantCredentials()) {
    const tenantId = credential.tenantId as TenantId;
    if (!TENANTS.includes(tenantId)) continue;
    const token = await emulator.handle(
      new Request('https://emulator.test/oauth/token', {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      }),
    );
    const { access_token } = (await token.json()) as { access_token: string };
    const get = async (path: string) =>
      (
        await emulator.handle(
          new Request(`https://emulator.test${path}`, { headers: { authorization: `Bearer ${access_token}` } }),
        )
      ).text();
    // Users are not read: the 20 000-user org would be slow to build; `@domain` covers their emails.
    const texts = await Promise.all(
      [
        '/api/v2/organizations/me',
        '/api/v2/authorization/divisions?pageSize=100',
        '/api/v2/authorization/roles?pageSize=100',
        '/api/v2/oauth/clients',
      ].map(get),
    );
    const org = JSON.parse(texts[0] ?? '{}') as { id: string; name: string; domain: string; thirdPartyOrgName: string };
    book.set(tenantId, {
      orgId: org.id,
      displayName: credential.displayName,
      ids: [...new Set([org.id, ...texts.join('\n').match(UUID)!])],
      marks: [
        JSON.stringify(org.name),
        JSON.stringify(org.domain),
        `@${org.domain}`,
        `//${org.domain}`,
        `@${org.thirdPartyOrgName}.`,
      ],
    });
  }
  return book;
}

const emulator = createEmulator();
const secrets = emulator.listTenantCredentials().flatMap((c) => [c.clientSecret]);
let canaries: Map<TenantId, Canaries>;

test.beforeAll(async () => {
  canaries = await readCanaries(emulator);
  expect([...canaries.keys()].sort()).toEqual([...TENANTS].sort());
});

const orgOf = (tenant: TenantId) => canaries.get(tenant)!.orgId;

/** Canaries of every tenant but `allowed` (null: of every tenant) found in the text. */
function leaks(text: string, allowed: TenantId | null): string[] {
  const found: string[] = [];
  for (const [tenant, c] of canaries) {
    if (tenant === allowed) continue;
    for (const canary of [...c.ids, ...c.marks]) if (text.includes(canary)) found.push(`${tenant}:${canary}`);
  }
  for (const secret of secrets) if (text.includes(secret)) found.push('a client secret');
  return found;
}

// ---------------------------------------------------------------------------------------------

async function signIn(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  email: string,
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL });
  const response = await context.post('/api/auth/login', {
    data: { email, password: 'demo' },
    headers: { origin: baseURL },
  });
  expect(response.status(), `${email} signs in`).toBe(200);
  return context;
}

async function send(
  context: APIRequestContext,
  baseURL: string,
  endpoint: Endpoint,
  tenant: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return context.fetch(endpoint.path(tenant), {
    method: endpoint.method,
    headers: endpoint.method === 'GET' ? headers : { origin: baseURL, ...headers },
    data: endpoint.body,
  });
}

interface Expected {
  status: number;
  code?: string;
}

/** proxy.ts refuses a tenant not granted first; then the handler: capability, active tenant. */
function expected(user: DemoUser | null, endpoint: Endpoint, tenant: string): Expected {
  if (!user) return { status: 401, code: 'unauthenticated' };
  if (!(user.granted as readonly string[]).includes(tenant)) return { status: 403, code: 'tenant_not_granted' };
  if (!user.can.includes(endpoint.capability)) return { status: 403, code: 'forbidden' };
  // Signed in through the API only: no active tenant, so every write is a stale-tab 409.
  if (endpoint.write) return { status: 409, code: 'tenant_context_changed' };
  return { status: 200 };
}

/** Returns every way the answer broke the rules. */
async function check(label: string, response: APIResponse, want: Expected, tenant: string): Promise<string[]> {
  const problems: string[] = [];
  const text = await response.text();
  const headers = JSON.stringify(response.headers());
  if (response.status() !== want.status)
    problems.push(`${label}: ${response.status()} ≠ ${want.status} ${text.slice(0, 160)}`);
  if (response.headers()['cache-control'] !== 'private, no-store')
    problems.push(`${label}: Cache-Control ${response.headers()['cache-control']}`);
  const ok = response.status() === 200 && want.status === 200;
  if (ok) {
    const body = JSON.parse(text) as { tenantId?: unknown; data?: unknown };
    if (Object.keys(body).sort().join() !== 'data,tenantId' || body.tenantId !== tenant)
      problems.push(`${label}: payload is not { tenantId: ${tenant}, data }`);
  } else if (want.code) {
    const code = (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
    if (code !== want.code) problems.push(`${label}: code ${code} ≠ ${want.code}`);
  }
  const found = leaks(`${text}\n${headers}`, ok ? (tenant as TenantId) : null);
  if (found.length > 0) problems.push(`${label}: leaks ${found.slice(0, 4).join(', ')}`);
  return problems;
}

const UNKNOWN = ['tenant-07', 'acme', 'nope'];

for (const user of USERS) {
  test(`${user.email}: every tenant route for every tenant, granted or not`, async ({ playwright, baseURL }) => {
    const context = await signIn(playwright, baseURL!, user.email);
    const problems: string[] = [];
    for (const tenant of [...TENANTS, ...UNKNOWN]) {
      for (const endpoint of ENDPOINTS) {
        const want = expected(user, endpoint, tenant);
        const response = await send(context, baseURL!, endpoint, tenant);
        problems.push(...(await check(`${endpoint.method} ${endpoint.path(tenant)}`, response, want, tenant)));
      }
    }
    expect(problems).toEqual([]);
    await context.dispose();
  });
}

test('a forged X-Genesys-Organization or x-middleware-subrequest changes nothing', async ({ playwright, baseURL }) => {
  const ops = USERS[1]!;
  const context = await signIn(playwright, baseURL!, ops.email);
  const organization = ENDPOINTS[0]!;
  const problems: string[] = [];
  // The path tenant's org, whatever org the header names.
  for (const forged of TENANTS.filter((t) => t !== 'acme-prod')) {
    const response = await send(context, baseURL!, organization, 'acme-prod', {
      'X-Genesys-Organization': orgOf(forged),
    });
    problems.push(...(await check(`org header of ${forged}`, response, { status: 200 }, 'acme-prod')));
    const body = JSON.parse(await response.text()) as { data?: { id?: string } };
    if (body.data?.id !== orgOf('acme-prod')) problems.push(`org header of ${forged}: answered org ${body.data?.id}`);
  }
  // Not granted stays not granted, with the header naming that very org.
  const foreign = await send(context, baseURL!, organization, 'initech-apac', {
    'X-Genesys-Organization': orgOf('initech-apac'),
  });
  problems.push(
    ...(await check(
      'initech-apac with its org header',
      foreign,
      { status: 403, code: 'tenant_not_granted' },
      'initech-apac',
    )),
  );

  // CVE-2025-29927-style header: neither skips the proxy nor the handler's own checks.
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const value of [
    'middleware',
    'middleware:middleware:middleware:middleware:middleware',
    'proxy:proxy:proxy:proxy:proxy',
    'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
  ]) {
    for (const endpoint of ENDPOINTS) {
      const response = await send(anonymous, baseURL!, endpoint, 'acme-prod', { 'x-middleware-subrequest': value });
      problems.push(
        ...(await check(
          `anonymous ${endpoint.method} ${endpoint.path('acme-prod')} subrequest=${value}`,
          response,
          { status: 401, code: 'unauthenticated' },
          'acme-prod',
        )),
      );
    }
    const signedIn = await send(context, baseURL!, organization, 'initech-apac', { 'x-middleware-subrequest': value });
    problems.push(
      ...(await check(
        `ops initech-apac subrequest=${value}`,
        signedIn,
        { status: 403, code: 'tenant_not_granted' },
        'initech-apac',
      )),
    );
  }
  // ?tenant= never selects the tenant: ignored, or refused by a strict query.
  const query = await context.get(
    `/api/tenants/acme-prod/organization?tenant=initech-apac&orgId=${orgOf('initech-apac')}`,
  );
  problems.push(...(await check('?tenant= on organization', query, { status: 200 }, 'acme-prod')));
  const strict = await context.get('/api/tenants/acme-prod/divisions?tenant=initech-apac');
  problems.push(...(await check('?tenant= on divisions', strict, { status: 422, code: 'invalid_input' }, 'acme-prod')));
  expect(problems).toEqual([]);
  await Promise.all([context.dispose(), anonymous.dispose()]);
});

/** Sends the path exactly as written (no URL normalisation of `..` or `%2e`), as an attacker can. */
function rawGet(
  baseURL: string,
  path: string,
  cookie: string,
): Promise<{ status: number; body: string; cacheControl?: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cacheControl: res.headers['cache-control'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('traversal, encoded slashes, case and overlong tenant ids: refused, never a 500, never data', async ({
  playwright,
  baseURL,
}) => {
  const ops = USERS[1]!;
  const context = await signIn(playwright, baseURL!, ops.email);
  const cookie = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  // The tenant segment itself is odd: proxy.ts and the handler both answer the same 403.
  const refused = [
    '/api/tenants/..%2Finitech-apac/organization',
    '/api/tenants/acme-prod%2F..%2Finitech-apac/organization',
    '/api/tenants/acme-prod%2f..%2f..%2ftenants%2finitech-apac/organization',
    '/api/tenants/acme-prod%252F..%252Finitech-apac/organization',
    '/api/tenants/acme-prod%5C..%5Cinitech-apac/organization',
    '/api/tenants/ACME-PROD/organization',
    '/api/tenants/Initech-Apac/organization',
    '/api/tenants/acme-prod%00/organization',
    '/api/tenants/acme-prod%20/organization',
    '/api/tenants/%D0%B0cme-prod/organization',
    '/api/tenants/acme-prod;/organization',
    '/api/tenants/acme-prod/../initech-apac/organization',
    '/api/tenants/acme-prod/%2e%2e/initech-apac/organization',
    `/api/tenants/${'a'.repeat(65)}/organization`,
    `/api/tenants/${'a'.repeat(4000)}/organization`,
    // Malformed %-encoding (proxy.ts used to throw on it: a 500).
    '/api/tenants/%/organization',
    '/api/tenants/%zz/organization',
    '/api/tenants/%E0%A4%A/organization',
    '/api/tenants/acme-prod%/organization',
  ];
  // The route no longer matches once the path is normalised: a 404 page, or the tenant's own
  // 403; either way nothing of a tenant.
  const unrouted = [
    '/api/tenants/%2e%2e/initech-apac/organization',
    '/api/tenants/acme-prod/..%2Finitech-apac/organization',
    '/api/tenants/acme-prod/organization/..%2F..%2Finitech-apac%2Forganization',
    '/api/tenants/acme-prod/organization;initech-apac',
  ];
  const problems: string[] = [];
  // A granted tenant, then a malformed later segment: a 400 (Next itself would answer a 500).
  for (const path of ['/api/tenants/acme-prod/features/%', '/api/tenants/acme-prod/features/%E0%A4%A']) {
    const response = await rawGet(baseURL!, path, cookie);
    if (response.status !== 400 || !response.body.includes('"malformed_path"'))
      problems.push(`${path}: ${response.status} ${response.body.slice(0, 80)}`);
  }
  for (const path of [...refused, ...unrouted]) {
    const response = await rawGet(baseURL!, path, cookie);
    const label = path.slice(0, 90);
    if (response.status >= 500) problems.push(`${label}: ${response.status}`);
    if (refused.includes(path)) {
      if (response.status !== 403) problems.push(`${label}: ${response.status} ≠ 403`);
      else if (!response.body.includes('"tenant_not_granted"'))
        problems.push(`${label}: ${response.body.slice(0, 120)}`);
      if (response.cacheControl !== 'private, no-store')
        problems.push(`${label}: Cache-Control ${response.cacheControl}`);
    } else if (![403, 404].includes(response.status)) {
      problems.push(`${label}: ${response.status} ∉ {403, 404}`);
    }
    const found = leaks(response.body, null);
    if (found.length > 0) problems.push(`${label}: leaks ${found.slice(0, 4).join(', ')}`);
  }
  expect(problems).toEqual([]);
  await context.dispose();
});

test('a write reaches only the active, granted tenant; cross-site writes are refused', async ({ page, baseURL }) => {
  // The browser context carries the cookies: sign in, then switch tenant with the UI.
  const login = await page.request.post('/api/auth/login', {
    data: { email: 'ops@demo.test', password: 'demo' },
    headers: { origin: baseURL! },
  });
  expect(login.status()).toBe(200);
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Switch to Globex Europe', exact: true }).click();
  await expect(page.locator('header[data-active-tenant="globex-eu"]')).toBeVisible();

  const feature = async (tenant: string, enabled: boolean, origin = baseURL!) =>
    page.request.patch(`/api/tenants/${tenant}/features/informalPhotos`, { data: { enabled }, headers: { origin } });
  const informalPhotos = async (tenant: TenantId) => {
    const response = await page.request.get(`/api/tenants/${tenant}/organization`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: { features: Record<string, boolean> } }).data.features.informalPhotos;
  };
  const [globexBefore, acmeBefore] = [await informalPhotos('globex-eu'), await informalPhotos('acme-prod')];

  const problems: string[] = [];
  const csrf = await feature('globex-eu', !globexBefore, 'https://evil.example');
  problems.push(...(await check('cross-site PATCH', csrf, { status: 403, code: 'csrf_rejected' }, 'globex-eu')));
  const stale = await feature('acme-prod', !acmeBefore);
  problems.push(
    ...(await check(
      'PATCH a granted, inactive tenant',
      stale,
      { status: 409, code: 'tenant_context_changed' },
      'acme-prod',
    )),
  );
  const foreign = await feature('initech-apac', true);
  problems.push(
    ...(await check(
      'PATCH a tenant not granted',
      foreign,
      { status: 403, code: 'tenant_not_granted' },
      'initech-apac',
    )),
  );
  expect(problems).toEqual([]);
  expect(await informalPhotos('globex-eu'), 'refused writes changed nothing').toBe(globexBefore);
  expect(await informalPhotos('acme-prod')).toBe(acmeBefore);

  const done = await feature('globex-eu', !globexBefore);
  expect(await check('PATCH the active tenant', done, { status: 200 }, 'globex-eu')).toEqual([]);
  expect(await informalPhotos('globex-eu')).toBe(!globexBefore);
  expect(await informalPhotos('acme-prod'), 'another granted tenant is untouched').toBe(acmeBefore);
});
