/**
 * The isolation matrix's vocabulary: the demo users and what they are meant to reach (written
 * here from the policy, not read from lib/auth), every tenant route and method, the canaries of
 * each tenant (bytes that only that tenant's data contains), and one runner that checks a case.
 */
import type { Emulator, TenantCredential } from '@/emulator/index';
import { afterAll, beforeAll } from 'vitest';
import {
  startPortalHarness,
  type PortalHarness,
  type RouteHandler,
  type UpstreamCall,
} from '@/tests/support/handler-harness';
import { call, getToken } from '@/tests/emulator/support/direct';

export const TENANT_IDS = [
  'acme-prod',
  'acme-sandbox',
  'globex-eu',
  'initech-apac',
  'umbrella-ca',
  'stark-uk',
] as const;
export type TenantId = (typeof TENANT_IDS)[number];

/** Small orgs: the matrix is about who sees what, not about volume. */
export const ORG_SIZES = [4, 4, 4, 4, 4, 4];

/**
 * Declared to the portal instead of the emulator's 300/min: each test file stays far below 300
 * requests per tenant per minute in total (the matrix: ~105 at most), so the emulator never
 * answers 429, and the portal's pacing does not add ~20 s of sleeping.
 */
export const DECLARED_RATE_LIMIT = 6000;

export type Capability = 'tenant.view' | 'org.edit' | 'users.view' | 'users.export' | 'credentials.view';

export interface UserSpec {
  id: string;
  email: string;
  role: 'admin' | 'ops' | 'auditor';
  granted: readonly TenantId[];
  capabilities: ReadonlySet<Capability>;
}

export const USERS: readonly UserSpec[] = [
  {
    id: 'demo-admin',
    email: 'admin@demo.test',
    role: 'admin',
    granted: TENANT_IDS,
    capabilities: new Set(['tenant.view', 'org.edit', 'users.view', 'users.export', 'credentials.view']),
  },
  {
    id: 'demo-ops',
    email: 'ops@demo.test',
    role: 'ops',
    granted: ['acme-prod', 'acme-sandbox', 'globex-eu', 'stark-uk'],
    capabilities: new Set(['tenant.view', 'org.edit', 'users.view']),
  },
  {
    id: 'demo-auditor',
    email: 'auditor@demo.test',
    role: 'auditor',
    granted: ['acme-sandbox', 'initech-apac'],
    capabilities: new Set(['tenant.view', 'users.view', 'users.export']),
  },
];

export const notGranted = (user: UserSpec): TenantId[] => TENANT_IDS.filter((t) => !user.granted.includes(t));

export const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof ALL_METHODS)[number];

/** Reads of the emulator's state used to build valid bodies and to verify writes. */
export interface OrgState {
  org: { id: string; version: number; voicemailEnabled?: boolean; features: Record<string, boolean> } & Record<
    string,
    unknown
  >;
  auth: { passwordRequirements?: { minimumLength?: number } } & Record<string, unknown>;
}

export interface MethodSpec {
  capability: Capability;
  /** Needs the path tenant to be the active one. */
  write: boolean;
  /** Changes the upstream org (a read-only POST does not). */
  mutates: boolean;
  /** Unknown query parameters are rejected (422) rather than ignored. */
  strictQuery: boolean;
  /** A valid body for this tenant's current state (undefined: no body). */
  body?: (state: OrgState) => Record<string, unknown>;
  /** What a successful write must have changed in the path tenant's org. */
  verifyWrite?: (before: OrgState, after: OrgState, body: Record<string, unknown>) => string | undefined;
  /** What the data of a 2xx answer must show about the path tenant. */
  /**
   * A 2xx answer is a CSV download (text/csv whose `# tenant=…` provenance line names the
   * tenant) instead of `{ tenantId, data }`; checkData then gets the CSV text. Errors stay JSON.
   */
  answer?: 'csv';
  checkData?: (data: unknown, tenant: TenantCredential) => string | undefined;
}

export interface RouteSpec {
  name: string;
  load: () => Promise<Partial<Record<Method, RouteHandler>>>;
  path: (tenantSegment: string) => string;
  params?: Record<string, string>;
  methods: Partial<Record<Method, MethodSpec>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A users export: provenance, the header row and one row per user of the path tenant. */
const usersCsv = (data: unknown) => {
  const lines = typeof data === 'string' ? data.split('\r\n') : [];
  return lines[1]?.startsWith('id,name,email,') && lines.length >= 3 ? undefined : 'not a users CSV with rows';
};

const orgIdIs = (data: unknown, tenant: TenantCredential) =>
  isRecord(data) && data.id === tenant.orgId ? undefined : `data.id is not ${tenant.orgId}`;

const listing = (data: unknown) =>
  isRecord(data) && Array.isArray(data.entities) ? undefined : 'data is not a listing with entities';

export const FEATURE = 'informalPhotos';

export const ROUTES: readonly RouteSpec[] = [
  {
    name: 'organization',
    load: () => import('@/app/api/tenants/[tenantId]/organization/route'),
    path: (t) => `/api/tenants/${t}/organization`,
    methods: {
      GET: { capability: 'tenant.view', write: false, mutates: false, strictQuery: false, checkData: orgIdIs },
      PUT: {
        capability: 'org.edit',
        write: true,
        mutates: true,
        strictQuery: false,
        body: (state) => ({ version: state.org.version, voicemailEnabled: !state.org.voicemailEnabled }),
        verifyWrite: (before, after, body) =>
          after.org.voicemailEnabled === body.voicemailEnabled && after.org.version > before.org.version
            ? undefined
            : 'org.voicemailEnabled/version not updated',
        checkData: orgIdIs,
      },
    },
  },
  {
    name: 'authentication-settings',
    load: () => import('@/app/api/tenants/[tenantId]/authentication-settings/route'),
    path: (t) => `/api/tenants/${t}/authentication-settings`,
    methods: {
      GET: { capability: 'tenant.view', write: false, mutates: false, strictQuery: false },
      PATCH: {
        capability: 'org.edit',
        write: true,
        mutates: true,
        strictQuery: false,
        body: (state) => ({
          passwordRequirements: { minimumLength: (state.auth.passwordRequirements?.minimumLength ?? 8) + 1 },
          // The route's conflict check: the value the change is made from (null: was not set).
          expected: { passwordRequirements: { minimumLength: state.auth.passwordRequirements?.minimumLength ?? null } },
        }),
        verifyWrite: (_before, after, body) =>
          after.auth.passwordRequirements?.minimumLength ===
          (body.passwordRequirements as { minimumLength: number }).minimumLength
            ? undefined
            : 'passwordRequirements.minimumLength not updated',
      },
    },
  },
  {
    name: 'divisions',
    load: () => import('@/app/api/tenants/[tenantId]/divisions/route'),
    path: (t) => `/api/tenants/${t}/divisions`,
    methods: {
      GET: { capability: 'tenant.view', write: false, mutates: false, strictQuery: true, checkData: listing },
    },
  },
  {
    name: 'roles',
    load: () => import('@/app/api/tenants/[tenantId]/roles/route'),
    path: (t) => `/api/tenants/${t}/roles`,
    methods: {
      GET: { capability: 'tenant.view', write: false, mutates: false, strictQuery: true, checkData: listing },
    },
  },
  {
    name: 'oauth-clients',
    load: () => import('@/app/api/tenants/[tenantId]/oauth-clients/route'),
    path: (t) => `/api/tenants/${t}/oauth-clients`,
    methods: { GET: { capability: 'tenant.view', write: false, mutates: false, strictQuery: false } },
  },
  {
    name: 'users',
    load: () => import('@/app/api/tenants/[tenantId]/users/route'),
    path: (t) => `/api/tenants/${t}/users`,
    methods: { GET: { capability: 'users.view', write: false, mutates: false, strictQuery: true, checkData: listing } },
  },
  {
    name: 'users/search',
    load: () => import('@/app/api/tenants/[tenantId]/users/search/route'),
    path: (t) => `/api/tenants/${t}/users/search`,
    methods: {
      POST: {
        capability: 'users.view',
        write: false,
        mutates: false,
        strictQuery: false,
        body: () => ({ text: 'e', pageSize: 25 }),
      },
    },
  },
  {
    name: 'users/export',
    load: () => import('@/app/api/tenants/[tenantId]/users/export/route'),
    path: (t) => `/api/tenants/${t}/users/export`,
    methods: {
      GET: {
        capability: 'users.export',
        write: false,
        mutates: false,
        strictQuery: true,
        answer: 'csv',
        checkData: usersCsv,
      },
    },
  },
  {
    name: 'users/view',
    load: () => import('@/app/api/tenants/[tenantId]/users/view/route'),
    path: (t) => `/api/tenants/${t}/users/view`,
    methods: {
      GET: {
        capability: 'users.view',
        write: false,
        mutates: false,
        strictQuery: true,
        checkData: (data) =>
          isRecord(data) && typeof data.total === 'number' && Array.isArray(data.rows) && data.rows.length > 0
            ? undefined
            : 'data is not a users view page with rows',
      },
    },
  },
  {
    name: 'snapshots',
    load: () => import('@/app/api/tenants/[tenantId]/snapshots/route'),
    path: (t) => `/api/tenants/${t}/snapshots`,
    methods: {
      GET: {
        capability: 'users.export',
        write: false,
        mutates: false,
        strictQuery: true,
        checkData: (data, tenant) =>
          isRecord(data) &&
          Array.isArray(data.snapshots) &&
          data.snapshots.every((s) => isRecord(s) && s.tenantId === tenant.tenantId)
            ? undefined
            : 'not a snapshot list of the path tenant',
      },
      POST: {
        capability: 'users.export',
        write: true,
        mutates: false,
        strictQuery: false,
        body: () => ({}),
        checkData: (data, tenant) =>
          isRecord(data) && data.tenantId === tenant.tenantId && data.status === 'complete'
            ? undefined
            : 'not a complete snapshot of the path tenant',
      },
    },
  },
  {
    name: 'features/[featureName]',
    load: () => import('@/app/api/tenants/[tenantId]/features/[featureName]/route'),
    path: (t) => `/api/tenants/${t}/features/${FEATURE}`,
    params: { featureName: FEATURE },
    methods: {
      PATCH: {
        capability: 'org.edit',
        write: true,
        mutates: true,
        strictQuery: false,
        body: (state) => ({ enabled: !state.org.features[FEATURE] }),
        verifyWrite: (_before, after, body) =>
          after.org.features[FEATURE] === body.enabled ? undefined : `feature ${FEATURE} not updated`,
      },
    },
  },
  {
    name: 'health',
    load: () => import('@/app/api/tenants/[tenantId]/health/route'),
    path: (t) => `/api/tenants/${t}/health`,
    methods: {
      GET: {
        capability: 'credentials.view',
        write: false,
        mutates: false,
        strictQuery: false,
        checkData: (data, tenant) => (isRecord(data) && data.tenantId === tenant.tenantId ? undefined : 'wrong tenant'),
      },
    },
  },
  {
    name: 'overview',
    load: () => import('@/app/api/tenants/[tenantId]/overview/route'),
    path: (t) => `/api/tenants/${t}/overview`,
    methods: {
      GET: {
        capability: 'tenant.view',
        write: false,
        mutates: false,
        strictQuery: false,
        checkData: (data, tenant) =>
          isRecord(data) && data.tenantId === tenant.tenantId && isRecord(data.token) && data.token.state === 'ok'
            ? undefined
            : 'overview is not the path tenant with a working token',
      },
    },
  },
  {
    name: 'credentials',
    load: () => import('@/app/api/tenants/[tenantId]/credentials/route'),
    path: (t) => `/api/tenants/${t}/credentials`,
    methods: {
      GET: {
        capability: 'credentials.view',
        write: false,
        mutates: false,
        strictQuery: false,
        checkData: (data) =>
          isRecord(data) && isRecord(data.token) && data.token.ok === true && Array.isArray(data.features)
            ? undefined
            : 'not a successful permission probe',
      },
    },
  },
  {
    name: 'usage',
    load: () => import('@/app/api/tenants/[tenantId]/usage/route'),
    path: (t) => `/api/tenants/${t}/usage`,
    methods: {
      GET: {
        capability: 'tenant.view',
        write: false,
        mutates: false,
        strictQuery: false,
        checkData: (data, tenant) =>
          isRecord(data) && data.tenantId === tenant.tenantId && Array.isArray(data.buckets)
            ? undefined
            : 'usage is not the path tenant',
      },
    },
  },
];

export const ROUTE_METHODS = ROUTES.flatMap((route) =>
  (Object.entries(route.methods) as [Method, MethodSpec][]).map(([method, spec]) => ({ route, method, spec })),
);
export type RouteMethod = (typeof ROUTE_METHODS)[number];

// ---------------------------------------------------------------------------------------------
// Canaries

export interface TenantCanaries {
  tenantId: TenantId;
  /** Raw bytes found only in this tenant's data: org id and every entity id. */
  ids: string[];
  /** Delimited forms of its names, domains and short name (`"Acme Corp"`, `@acme.example`, …). */
  marks: string[];
}

export interface CanaryBook {
  tenants: Map<TenantId, TenantCanaries>;
  /** Every tenant's client secret: never in any answer, the tenant's own included. */
  secrets: string[];
  /** Each tenant's full emulator data, as text (to prove the canaries are distinctive). */
  dumps: Map<TenantId, string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Reads a tenant's data straight from the emulator, with a token of its own (the emulator's rate
 * limit is per token: the portal's budget is not spent here).
 */
export async function readTenantDirect(emulator: Emulator, tenantId: TenantId, token?: string) {
  const credential = emulator.listTenantCredentials().find((c) => c.tenantId === tenantId);
  if (!credential) throw new Error(`no credential for ${tenantId}`);
  const bearer = token ?? (await getToken(emulator, credential));
  const get = async (path: string) => {
    const result = await call(emulator, bearer, path);
    if (result.status !== 200) throw new Error(`${tenantId} ${path}: ${result.status}`);
    return result;
  };
  return { bearer, get };
}

export async function collectCanaries(emulator: Emulator): Promise<CanaryBook> {
  const credentials = emulator.listTenantCredentials();
  const tenants = new Map<TenantId, TenantCanaries>();
  const dumps = new Map<TenantId, string>();
  for (const tenantId of TENANT_IDS) {
    const credential = credentials.find((c) => c.tenantId === tenantId);
    if (!credential) throw new Error(`no credential for ${tenantId}`);
    const { get } = await readTenantDirect(emulator, tenantId);
    const paths = [
      '/api/v2/organizations/me',
      '/api/v2/organizations/authentication/settings',
      '/api/v2/authorization/divisions?pageSize=100',
      '/api/v2/authorization/roles?pageSize=100',
      '/api/v2/oauth/clients',
      '/api/v2/users?pageSize=100&expand=authorization,dateLastLogin',
    ];
    const texts = await Promise.all(paths.map(async (path) => (await get(path)).text));
    const dump = texts.join('\n');
    const org = JSON.parse(texts[0] ?? '{}') as { id: string; name: string; domain: string; thirdPartyOrgName: string };
    const ids = [...new Set([org.id, ...(dump.match(UUID) ?? [])])];
    const marks = [
      JSON.stringify(org.name),
      JSON.stringify(credential.displayName),
      JSON.stringify(org.domain),
      // Not the bare short name: for most demo tenants it equals the tenant id, which a 409 may
      // name (the user's own active tenant) without carrying any of that tenant's data.
      `@${org.domain}`,
      `//${org.domain}`,
      `@${org.thirdPartyOrgName}.`,
    ];
    tenants.set(tenantId, { tenantId, ids, marks: [...new Set(marks)] });
    dumps.set(tenantId, dump);
  }
  return { tenants, secrets: credentials.map((c) => c.clientSecret), dumps };
}

/** Every canary of a tenant other than `allowed` (null: no tenant's) found in the text. */
export function findLeaks(book: CanaryBook, text: string, allowed: string | null): string[] {
  const leaks: string[] = [];
  for (const [tenantId, canaries] of book.tenants) {
    if (tenantId === allowed) continue;
    for (const canary of [...canaries.ids, ...canaries.marks]) {
      if (text.includes(canary)) leaks.push(`${tenantId}:${canary}`);
    }
  }
  for (const secret of book.secrets) if (text.includes(secret)) leaks.push(`client secret ${secret.slice(0, 4)}…`);
  return leaks;
}

// ---------------------------------------------------------------------------------------------
// Cases

export const PORTAL_ORIGIN = 'http://portal.test';

export interface Expected {
  status: number;
  code?: string;
}

export interface Case {
  label: string;
  routeMethod: RouteMethod;
  /** As in the URL (may be percent-encoded). */
  segment: string;
  /** As Next hands it to the handler: decoded once. */
  param: string;
  headers: Record<string, string>;
  query?: string;
  /** 'valid' = the route's valid body for the path tenant's current state. */
  body?: 'valid' | { extra: Record<string, unknown> } | undefined;
  expected: Expected;
}

/** Sends a case through the handler and returns every way it broke the rules (empty: fine). */
/** What every isolation suite works with; filled in by setupIsolationSuite's beforeAll. */
export interface IsolationSuite {
  harness: PortalHarness;
  handlers: Map<string, Partial<Record<Method, RouteHandler>>>;
  book: CanaryBook;
  state: StateReader;
  tokenOrg: (authorization: string | null) => Promise<string | undefined>;
}

/**
 * Registers the shared beforeAll/afterAll: the portal harness at the declared rate limit, every
 * route module, the canary book, the emulator state reader and the token → org resolver.
 */
export function setupIsolationSuite(): IsolationSuite {
  const suite = { handlers: new Map() } as IsolationSuite;
  beforeAll(async () => {
    suite.harness = await startPortalHarness({ orgSizes: ORG_SIZES, rateLimitPerMinute: DECLARED_RATE_LIMIT });
    for (const route of ROUTES) suite.handlers.set(route.name, await route.load());
    suite.book = await collectCanaries(suite.harness.mounted.emulator);
    suite.state = createStateReader(suite.harness.mounted.emulator);
    suite.tokenOrg = createTokenOrgResolver(suite.harness.mounted.emulator);
  });
  afterAll(async () => suite.harness?.close());
  return suite;
}

export async function runCase(suite: IsolationSuite, c: Case): Promise<string[]> {
  const { harness, handlers, book, state, tokenOrg } = suite;
  const { route, method, spec } = c.routeMethod;
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${c.label}: ${message}`);
  const handler = handlers.get(route.name)?.[method];
  if (!handler) return [`${c.label}: no ${method} handler`];
  const pathTenant = TENANT_IDS.find((t) => t === c.param);
  const credential = pathTenant ? harness.credentials.find((t) => t.tenantId === pathTenant) : undefined;

  // Fresh state only where a write is meant to succeed; a refused one can use any valid shape.
  const writes = spec.mutates && c.expected.status === 200 && pathTenant !== undefined;
  const before = pathTenant ? await state(pathTenant, { fresh: writes }) : undefined;
  let body: Record<string, unknown> | undefined;
  if (c.body && spec.body) {
    const base = spec.body(before ?? (await state('acme-prod')));
    body = c.body === 'valid' ? base : { ...base, ...c.body.extra };
  }
  const headers: Record<string, string> = { ...c.headers };
  if (body) headers['content-type'] = 'application/json';
  const url = `${PORTAL_ORIGIN}${route.path(c.segment)}${c.query ?? ''}`;
  const request = new Request(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const { response, upstream } = await harness.invoke(handler, request, { tenantId: c.param, ...route.params });

  const text = await response.text();
  const headerText = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  if (response.status !== c.expected.status)
    fail(`status ${response.status}, expected ${c.expected.status} (${text.slice(0, 200)})`);
  if (response.headers.get('cache-control') !== 'private, no-store')
    fail(`Cache-Control ${response.headers.get('cache-control')}`);
  const ok = response.status >= 200 && response.status < 300;
  const csv = ok && spec.answer === 'csv';
  let json: unknown;
  try {
    if (!csv) json = JSON.parse(text);
  } catch {
    fail('answer is not JSON');
  }
  if (csv) {
    const tenantField = text
      .slice(0, text.indexOf('\r\n'))
      .split(' ')
      .find((part) => part.startsWith('tenant='));
    if (!response.headers.get('content-type')?.startsWith('text/csv')) fail('2xx download is not text/csv');
    else if (tenantField !== `tenant=${pathTenant}`) fail(`CSV provenance ${tenantField} is not the path tenant`);
    else if (credential && spec.checkData) {
      const problem = spec.checkData(text, credential);
      if (problem) fail(problem);
    }
  } else if (ok) {
    if (!isRecord(json) || Object.keys(json).sort().join() !== 'data,tenantId')
      fail('2xx payload is not { tenantId, data }');
    else if (json.tenantId !== pathTenant) fail(`payload tenantId ${String(json.tenantId)} is not the path tenant`);
    else if (credential && spec.checkData) {
      const problem = spec.checkData(json.data, credential);
      if (problem) fail(problem);
    }
  } else {
    const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
    if (!error) fail('error answer is not { error: {…} }');
    else {
      if (c.expected.code !== undefined && error.code !== c.expected.code)
        fail(`code ${String(error.code)}, expected ${c.expected.code}`);
      if (typeof error.message !== 'string' || typeof error.requestId !== 'string')
        fail('error without message/requestId');
    }
  }
  // The canary rule: an expected 2xx holds only the path tenant's bytes; anything else nobody's.
  const allowed = ok && c.expected.status === 200 ? (pathTenant ?? null) : null;
  const leaks = findLeaks(book, `${text}\n${headerText}`, allowed);
  if (leaks.length > 0) fail(`leaks ${leaks.slice(0, 5).join(', ')}`);
  problems.push(...(await checkUpstream(c.label, upstream, ok, credential, tokenOrg)));

  if (ok && spec.mutates && pathTenant && before && body) {
    const problem = spec.verifyWrite?.(before, await state(pathTenant, { fresh: true }), body);
    if (problem) fail(problem);
  }
  return problems;
}

/**
 * 2xx: the portal talked only to the path tenant's org: token requests with its client, API
 * calls with a token of its org (asked of the emulator) and X-Genesys-Organization naming it
 * (the token binding check, GET /tokens/me, carries none by design). Refused: no call at all.
 */
export async function checkUpstream(
  label: string,
  upstream: UpstreamCall[],
  ok: boolean,
  credential: TenantCredential | undefined,
  tokenOrg: (authorization: string | null) => Promise<string | undefined>,
): Promise<string[]> {
  if (!ok) return upstream.length === 0 ? [] : [`${label}: ${upstream.length} upstream call(s) for a refused request`];
  const problems: string[] = [];
  for (const u of upstream) {
    const path = new URL(u.url).pathname;
    if (!credential) {
      problems.push(`${label}: upstream ${u.method} ${path} without a path tenant`);
    } else if (path === '/oauth/token') {
      const basic = Buffer.from((u.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      if (!basic.startsWith(`${credential.clientId}:`)) problems.push(`${label}: token request with another client`);
    } else {
      const header = u.organization ?? (path === '/api/v2/tokens/me' ? credential.orgId : null);
      if (header !== credential.orgId) problems.push(`${label}: ${u.method} ${path} sent for org ${header ?? 'none'}`);
      const org = await tokenOrg(u.authorization);
      if (org !== credential.orgId) problems.push(`${label}: ${u.method} ${path} with a token of org ${org ?? '?'}`);
    }
  }
  return problems;
}

/** Runs lanes concurrently, each lane's cases in order; gathers every problem. */
export async function runLanes(lanes: Map<string, Case[]>, run: (c: Case) => Promise<string[]>): Promise<string[]> {
  const results = await Promise.all(
    [...lanes.values()].map(async (cases) => {
      const problems: string[] = [];
      for (const c of cases) problems.push(...(await run(c)));
      return problems;
    }),
  );
  return results.flat();
}

export type StateReader = (tenantId: TenantId, options?: { fresh?: boolean }) => Promise<OrgState>;

/**
 * Org + auth settings of a tenant straight from the emulator. Cached unless asked `fresh`; a new
 * token every 100 reads keeps these reads under the emulator's per-token limit.
 */
export function createStateReader(emulator: Emulator): StateReader {
  const tokens = new Map<TenantId, { bearer: string; uses: number }>();
  const cache = new Map<TenantId, OrgState>();
  return async (tenantId, { fresh = false } = {}) => {
    const cached = cache.get(tenantId);
    if (cached && !fresh) return cached;
    const token = tokens.get(tenantId);
    const reuse = token && token.uses < 100 ? token.bearer : undefined;
    const { bearer, get } = await readTenantDirect(emulator, tenantId, reuse);
    tokens.set(tenantId, { bearer, uses: (reuse ? (token?.uses ?? 0) : 0) + 2 });
    const [org, auth] = await Promise.all([
      get('/api/v2/organizations/me'),
      get('/api/v2/organizations/authentication/settings'),
    ]);
    const read = { org: org.json as OrgState['org'], auth: auth.json as OrgState['auth'] };
    cache.set(tenantId, read);
    return read;
  };
}

/** The org a bearer token belongs to, asked of the emulator itself (cached per token). */
export function createTokenOrgResolver(emulator: Emulator) {
  const orgs = new Map<string, Promise<string | undefined>>();
  return (authorization: string | null): Promise<string | undefined> => {
    const bearer = authorization?.replace(/^Bearer /, '') ?? '';
    let org = orgs.get(bearer);
    if (!org) {
      org = call(emulator, bearer, '/api/v2/tokens/me').then((result) =>
        result.status === 200
          ? ((result.json.organization as { id?: string } | undefined)?.id ?? undefined)
          : undefined,
      );
      orgs.set(bearer, org);
    }
    return org;
  };
}
