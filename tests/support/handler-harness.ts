/**
 * Runs App Router route handlers in-process, as Next would, against the msw-mounted Genesys
 * emulator: the real portal runtime (embedded-demo users, sealed cookies, tenant registry from a
 * tenants file, token provider, governor, client, audit file) with nothing stubbed but
 * `next/headers`, whose `cookies()`/`headers()` answer from the request being handled.
 *
 *   vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);
 *   const portal = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });   // beforeAll
 *   const { response, upstream } = await portal.invoke(GET, new Request(url, { headers: { cookie } }), { tenantId });
 *   portal.close();                                                             // afterAll
 *
 * The jar is the honest minimum: get(name) → { name, value } | undefined from the request's
 * Cookie header; set/delete are recorded (and seen by later get calls of the same request, as in
 * a route handler). Calling cookies() outside a handled request throws instead of answering an
 * empty jar, so a test can never pass because the cookies silently went missing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { TenantCredential } from '@/emulator/index';
import type { PortalRuntime } from '@/lib/portal-runtime';
import type { CookieSettings } from '@/lib/session/cookie-settings';
import { mountEmulator, type MountedEmulator } from '../emulator/support/msw-emulator';
import { writeTenantsFile } from './runtime-fixture';

export interface RecordedCookieWrite {
  op: 'set' | 'delete';
  name: string;
  value?: string;
  options?: unknown;
}

export class RequestCookieJar {
  readonly writes: RecordedCookieWrite[] = [];
  private readonly values: Map<string, string>;

  constructor(cookieHeader: string | null) {
    this.values = parseCookieHeader(cookieHeader);
  }

  get(name: string): { name: string; value: string } | undefined {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  set(name: string, value: string, options?: unknown): this {
    this.writes.push({ op: 'set', name, value, options });
    this.values.set(name, value);
    return this;
  }

  delete(name: string): this {
    this.writes.push({ op: 'delete', name });
    this.values.delete(name);
    return this;
  }
}

/** `a=1; b=2` → Map; the first occurrence of a name wins (as Next's RequestCookies does). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (name && !values.has(name)) values.set(name, part.slice(at + 1).trim());
  }
  return values;
}

/** A request the portal sent to the emulator while handling one of ours. */
export interface UpstreamCall {
  method: string;
  url: string;
  organization: string | null;
  authorization: string | null;
}

interface HandledRequest {
  request: Request;
  jar: RequestCookieJar;
  upstream: UpstreamCall[];
}

// On globalThis: vi.resetModules() gives the mock factory a fresh copy of this module, and the
// request being handled must be the same whichever copy answers cookies().
const globalForHarness = globalThis as typeof globalThis & {
  __handlerHarnessRequest?: AsyncLocalStorage<HandledRequest>;
};
const current = (globalForHarness.__handlerHarnessRequest ??= new AsyncLocalStorage<HandledRequest>());

function handled(): HandledRequest {
  const store = current.getStore();
  if (!store) throw new Error('next/headers used outside a request handled by the harness');
  return store;
}

/** The `next/headers` module as the handlers see it under the harness. */
export const nextHeadersMock = {
  cookies: () => Promise.resolve(handled().jar),
  headers: () => Promise.resolve(new Headers(handled().request.headers)),
};

export type RouteHandler = (
  request: Request,
  context: { params: Promise<{ tenantId: string } & Record<string, string>> },
) => Promise<Response>;

export interface PortalHarness {
  mounted: MountedEmulator;
  credentials: TenantCredential[];
  portal: PortalRuntime;
  settings: CookieSettings;
  /** A Cookie header: the user's session (current version) and optionally a tenant cookie. */
  cookiesFor(uid: string, options?: { tenant?: string; tenantUid?: string }): Promise<string>;
  invoke(
    handler: RouteHandler,
    request: Request,
    params: { tenantId: string } & Record<string, string>,
  ): Promise<{ response: Response; jar: RequestCookieJar; upstream: UpstreamCall[] }>;
  close(): Promise<void>;
}

export const SESSION_SECRET_FOR_TESTS = 's'.repeat(48);

/**
 * Stubs the environment, mounts the emulator and loads a fresh portal runtime. Route modules
 * must be imported (dynamically) after this resolves, so they bind to this runtime.
 */
export async function startPortalHarness(options: {
  orgSizes: number[];
  /**
   * The per-minute limit the tenants file declares (default: the emulator's own, 300). A test
   * that stays under the emulator's limit in total may declare more, so the portal's pacing
   * (tested on its own in tests/lib/genesys) does not make it wait ~213 ms per request.
   */
  rateLimitPerMinute?: number;
}): Promise<PortalHarness> {
  const mounted = mountEmulator({ orgSizes: options.orgSizes });
  // msw emits request:start inside the fetch's async context: the call is attributed to the
  // request being handled, even with several handled concurrently.
  mounted.server.events.on('request:start', ({ request }) => {
    current.getStore()?.upstream.push({
      method: request.method,
      url: request.url,
      organization: request.headers.get('x-genesys-organization'),
      authorization: request.headers.get('authorization'),
    });
  });
  const credentials = mounted.emulator.listTenantCredentials();
  vi.resetModules();
  vi.stubEnv('NODE_ENV', 'test');
  vi.stubEnv('PORTAL_MODE', 'embedded-demo');
  const { rateLimitPerMinute } = options;
  vi.stubEnv(
    'TENANTS_FILE',
    writeTenantsFile(rateLimitPerMinute ? credentials.map((c) => ({ ...c, rateLimitPerMinute })) : credentials),
  );
  vi.stubEnv('CONFIG_SERVICE_URL', '');
  vi.stubEnv('CONFIG_SERVICE_TOKEN', '');
  vi.stubEnv('GENESYS_GATEWAY_URL', mounted.baseUrl);
  vi.stubEnv('REDIS_URL', '');
  vi.stubEnv('SESSION_SECRET', SESSION_SECRET_FOR_TESTS);
  vi.stubEnv('SESSION_SECRETS', '');
  vi.stubEnv('COOKIE_SECURE', 'false');
  vi.stubEnv('AUDIT_FILE', join(mkdtempSync(join(tmpdir(), 'isolation-audit-')), 'audit.jsonl'));
  vi.stubEnv('LOG_LEVEL', 'silent');
  const globals = globalThis as Record<string, unknown>;
  delete globals.__portalRuntime;
  delete globals.__genesysRuntime;

  const { getPortalRuntime } = await import('@/lib/portal-runtime');
  const { sealPayload } = await import('@/lib/session/seal');
  const portal = getPortalRuntime();
  const settings = portal.cookieSettings;

  return {
    mounted,
    credentials,
    portal,
    settings,
    async cookiesFor(uid, { tenant, tenantUid = uid } = {}) {
      const now = Date.now();
      const ver = await portal.sessionVersions.current(uid);
      const parts = [`${settings.sessionCookie}=${await sealPayload({ uid, ver, iat: now, lat: now }, settings)}`];
      if (tenant !== undefined) {
        const sealed = await sealPayload({ uid: tenantUid, tid: tenant, at: now }, settings);
        parts.push(`${settings.tenantCookie}=${sealed}`);
      }
      return parts.join('; ');
    },
    async invoke(handler, request, params) {
      const jar = new RequestCookieJar(request.headers.get('cookie'));
      const upstream: UpstreamCall[] = [];
      const response = await current.run({ request, jar, upstream }, () =>
        handler(request, { params: Promise.resolve(params) }),
      );
      return { response, jar, upstream };
    },
    async close() {
      mounted.close();
      const runtime = globals.__genesysRuntime as { close?: () => Promise<void> } | undefined;
      await runtime?.close?.();
      delete globals.__portalRuntime;
      delete globals.__genesysRuntime;
      vi.unstubAllEnvs();
    },
  };
}
