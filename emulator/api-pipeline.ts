// The order every /api/v2 request goes through: route → method → token → org tripwire →
// rate limit → permission → handler. Rate limiting sits before the permission check because
// a 403 still costs the caller a request against its budget.
import type { Core } from './core';
import type { Route } from './router';
import { matchRoute } from './router';
import { authenticate } from './auth/authenticate';
import { hasPermission } from './auth/permission-names';
import { missingAnyPermissions, notAuthorized, notFound } from './http/errors';
import { toResponse } from './http/render-result';
import { errorResponse } from './http/response';
import { increment } from './stats';

export type Handled = { response: Response; orgId?: string; clientId?: string };

export async function handleApi(
  core: Core,
  routes: readonly Route[],
  req: Request,
  url: URL,
  correlationId: string,
): Promise<Handled> {
  // HEAD is answered as GET; the node adapter drops the body (real: HEAD /api/v2/tokens/me exists).
  const method = req.method.toUpperCase() === 'HEAD' ? 'GET' : req.method.toUpperCase();
  const match = matchRoute(routes, method, url.pathname);
  if (match.kind === 'not-found') return { response: toResponse(notFound(), correlationId) };
  if (match.kind === 'method-not-allowed') {
    // The gateway's exact answer for a wrong verb is UNVERIFIED; 405 + Allow in ErrorBody form.
    return {
      response: errorResponse(
        405,
        'method.not.allowed',
        `HTTP ${req.method} is not supported by this resource.`,
        correlationId,
        [],
        {
          Allow: match.allow.join(', '),
        },
      ),
    };
  }
  const now = core.options.now();
  const auth = authenticate(core, req, url, now);
  if (!auth.ok) return { response: toResponse(auth.error, correlationId) };
  const { token, org } = auth;
  const meta = { orgId: org.organization.id, clientId: token.clientId };
  increment(core.stats.requestsByOrg, org.organization.id);

  // Tripwire: the real API ignores X-Genesys-Organization (genesys-api.md §1 3a). The portal
  // sends it anyway, and a mismatch means credentials were mixed up between tenants.
  const claimed = req.headers.get('x-genesys-organization');
  if (claimed !== null && claimed.trim() !== org.organization.id) {
    const message = 'X-Genesys-Organization does not match the organization of the access token (emulator tripwire).';
    return { response: toResponse(notAuthorized(message), correlationId), ...meta };
  }

  const client = core.world.clientsById.get(token.clientId);
  const decision = core.limiter.check(token.token, client?.rateLimitPerMinute ?? 300, now);
  if (!decision.allowed) {
    core.stats.rateLimited++;
    const seconds = decision.retryAfterSeconds;
    const response = errorResponse(
      429,
      'too.many.requests.retry.after',
      `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`,
      correlationId,
      [],
      { 'Retry-After': String(seconds) },
    );
    return { response, ...meta };
  }

  const required = match.route.anyPermission;
  if (required && !required.some((permission) => hasPermission(token.permissions, permission))) {
    return { response: toResponse(missingAnyPermissions(required), correlationId), ...meta };
  }

  const result = await match.route.handle({
    req,
    url,
    query: url.searchParams,
    params: match.params,
    core,
    org,
    token,
    now,
  });
  return { response: toResponse(result, correlationId), ...meta };
}
