import { ApiError } from '../http/api-error';

/**
 * The export is a GET (a plain link, so the browser downloads it), but it writes an audit entry.
 * lib/http/csrf.ts checks mutating methods only, so a cross-site page could make a victim's
 * browser "export" (a top-level navigation carries the SameSite=Lax session cookie) and fill the
 * audit trail with exports the auditor never asked for. The attacker cannot read the file; the
 * harm is a false entry, so the same rule as csrf.ts applies: a browser that says the request
 * comes from another site is refused. `same-origin` (the page's link) and `none` (typed or
 * bookmarked URL) pass, as do clients that send no Sec-Fetch-Site and so carry no ambient cookie.
 */
export function assertNotCrossSite(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') {
    throw new ApiError(403, 'csrf_rejected', 'Cross-site request refused.');
  }
}
