/**
 * The allow-list of Platform API operations the portal calls: one entry per operation, each a
 * method and a fixed `/api/v2/...` template. Nothing else can be requested, and a URL is only
 * ever built here, so the host comes from the tenant's region (or the gateway) and never from
 * a caller-supplied string.
 */
import { InvalidApiRequestError } from './errors';
import { getRegionHosts, isRegionEnvironment } from './regions';
import type { TenantConnection } from './ports';

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

interface OperationSpec {
  method: HttpMethod;
  path: `/api/v2/${string}`;
  /** A POST that only reads, so it may be retried like a GET. */
  readOnlyPost?: true;
}

export const API_OPERATIONS = {
  'organizations.me': { method: 'GET', path: '/api/v2/organizations/me' },
  'organizations.updateMe': { method: 'PUT', path: '/api/v2/organizations/me' },
  'organizations.feature': { method: 'PATCH', path: '/api/v2/organizations/features/{featureName}' },
  'organizations.authSettings': { method: 'GET', path: '/api/v2/organizations/authentication/settings' },
  'organizations.updateAuthSettings': { method: 'PATCH', path: '/api/v2/organizations/authentication/settings' },
  'organizations.limitsNamespaces': { method: 'GET', path: '/api/v2/organizations/limits/namespaces' },
  'organizations.limitsNamespace': {
    method: 'GET',
    path: '/api/v2/organizations/limits/namespaces/{namespaceName}',
  },
  'users.list': { method: 'GET', path: '/api/v2/users' },
  'users.get': { method: 'GET', path: '/api/v2/users/{userId}' },
  'users.search': { method: 'POST', path: '/api/v2/users/search', readOnlyPost: true },
  'users.searchNext': { method: 'GET', path: '/api/v2/users/search' },
  'authorization.divisions': { method: 'GET', path: '/api/v2/authorization/divisions' },
  'authorization.roles': { method: 'GET', path: '/api/v2/authorization/roles' },
  'oauth.clients': { method: 'GET', path: '/api/v2/oauth/clients' },
  'tokens.me': { method: 'GET', path: '/api/v2/tokens/me' },
  'orgauthorization.trustors': { method: 'GET', path: '/api/v2/orgauthorization/trustors' },
  'orgauthorization.trustees': { method: 'GET', path: '/api/v2/orgauthorization/trustees' },
  'routing.queues': { method: 'GET', path: '/api/v2/routing/queues' },
  'analytics.conversationAggregates': {
    method: 'POST',
    path: '/api/v2/analytics/conversations/aggregates/query',
    readOnlyPost: true,
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationId = keyof typeof API_OPERATIONS;

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** `{ featureName: string }` for `organizations.feature`, `{}` for operations without params. */
export type PathParams<Op extends OperationId> = { [K in ParamNames<(typeof API_OPERATIONS)[Op]['path']>]: string };

export type QueryScalar = string | number | boolean;
export type QueryParams = Record<string, QueryScalar | readonly QueryScalar[] | undefined>;

export function isOperationId(value: string): value is OperationId {
  return Object.hasOwn(API_OPERATIONS, value);
}

/** Idempotent by HTTP semantics, or a POST we know only reads: safe to send twice. */
export function isRetrySafe(operation: OperationId): boolean {
  const spec: OperationSpec = API_OPERATIONS[operation];
  return spec.method !== 'PATCH' && (spec.method !== 'POST' || spec.readOnlyPost === true);
}

// Ids, feature and namespace names are plain tokens. A `%` means someone pre-encoded a value
// (double-encoding is how `%2F` sneaks a slash past a proxy), so it is refused, not re-encoded.
const FORBIDDEN = /[/\\%\u0000-\u001f\u007f]/;

function encodeParam(operation: string, name: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidApiRequestError(operation, `path parameter ${name} is missing`);
  if (value.length === 0 || value.length > 256)
    throw new InvalidApiRequestError(operation, `path parameter ${name} must be 1-256 characters`);
  if (FORBIDDEN.test(value) || value.includes('..') || value === '.')
    throw new InvalidApiRequestError(operation, `path parameter ${name} contains a forbidden character`);
  try {
    return encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws on lone UTF-16 surrogates.
    throw new InvalidApiRequestError(operation, `path parameter ${name} is not valid Unicode`);
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

function appendQuery(operation: string, url: URL, query: QueryParams): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    // Genesys "multi" parameters (id, expand, ...) repeat the key.
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = String(item);
      // URLSearchParams would silently turn a lone surrogate into U+FFFD: refuse instead.
      if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(text))
        throw new InvalidApiRequestError(operation, `query parameter is not valid Unicode`);
      url.searchParams.append(key, text);
    }
  }
}

/** The absolute URL of one allow-listed operation for one tenant. Throws InvalidApiRequestError. */
export function buildApiUrl<Op extends OperationId>(
  tenant: Pick<TenantConnection, 'region'>,
  operation: Op,
  params: PathParams<Op>,
  query: QueryParams = {},
  gatewayUrl?: URL,
): URL {
  if (!isOperationId(operation)) throw new InvalidApiRequestError(String(operation), 'unknown operation');
  if (!isRegionEnvironment(tenant.region)) throw new InvalidApiRequestError(operation, 'unknown region');
  const { apiBaseUrl } = getRegionHosts(tenant.region, gatewayUrl);
  const values = params as Record<string, unknown>;
  const path = API_OPERATIONS[operation].path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeParam(operation, name, values[name]),
  );
  const url = new URL(path, apiBaseUrl);
  // Belt and braces: the parser must not have moved us off the host or out of /api/v2/.
  if (url.origin !== new URL(apiBaseUrl).origin || url.pathname !== path || !url.pathname.startsWith('/api/v2/'))
    throw new InvalidApiRequestError(operation, 'the path would leave /api/v2/');
  appendQuery(operation, url, query);
  return url;
}
