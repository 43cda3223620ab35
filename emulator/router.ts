// Path matching for the Platform API routes. Patterns are literal segments plus `:name`
// parameters; no trailing-slash or case folding, because the real API does neither.
import type { Core } from './core';
import type { EmulatorResult } from './result';
import type { TokenRecord } from './auth/tokens';
import type { OrgState } from './world';

export type ApiContext = {
  req: Request;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  core: Core;
  org: OrgState;
  token: TokenRecord;
  now: number;
};

export type Route = {
  method: string;
  pattern: string;
  /** Caller needs at least one of these (the SDK docs' "Requires ANY permissions"). */
  anyPermission?: readonly string[];
  handle(ctx: ApiContext): EmulatorResult | Promise<EmulatorResult>;
};

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const expected = want[i] ?? '';
    const actual = have[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = decode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const allow: string[] = [];
  // Literal routes win over parameterised ones (`/users/search` before `/users/:userId`).
  const ordered = [...routes].sort((a, b) => Number(a.pattern.includes(':')) - Number(b.pattern.includes(':')));
  for (const route of ordered) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method-not-allowed', allow: [...new Set(allow)] } : { kind: 'not-found' };
}
