import { ApiError } from './api-error';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mutations must come from the portal's own pages: a foreign Origin, or a browser saying
 * `Sec-Fetch-Site: cross-site`, is refused before anything runs. SameSite cookies are the first
 * line; this is the second. A request without Origin is only accepted from non-browser
 * clients that also send no Sec-Fetch-Site (curl, tests), which carry no ambient cookies anyway.
 */
export function assertSameOrigin(request: Request): void {
  if (!MUTATING.has(request.method)) return;
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw csrfError();
  const origin = request.headers.get('origin');
  if (origin === null) {
    if (site !== null && site !== 'same-origin' && site !== 'none') throw csrfError();
    return;
  }
  const expected = new URL(request.url).origin;
  const forwardedHost = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const allowed = new Set([expected]);
  if (forwardedHost) {
    const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
    allowed.add(`${proto}://${forwardedHost}`);
  }
  if (!allowed.has(origin)) throw csrfError();
}

const csrfError = () => new ApiError(403, 'csrf_rejected', 'Cross-site request refused.');
