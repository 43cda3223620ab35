// POST /oauth/token, client-credentials grant (genesys-api.md §3).
import { timingSafeEqual } from 'node:crypto';
import type { Core } from '../core';
import type { OAuthClientRecord } from '../model';
import type { OrgState } from '../world';
import { readText } from '../http/body';
import { jsonResponse } from '../http/response';
import { increment } from '../stats';
import { regionOfHost } from './regions';
import {
  type OAuthError,
  invalidClient,
  invalidRequest,
  oauthErrorResponse,
  unauthorizedClient,
  unsupportedGrantType,
} from './oauth-errors';

export type TokenOutcome = { response: Response; orgId?: string; clientId?: string };

const KNOWN_GRANTS = [
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'urn:ietf:params:oauth:grant-type:saml2-bearer',
];

export function parseBasic(header: string | null): { clientId: string; secret: string } | undefined {
  const match = header === null ? null : /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Current secret, or the previous one while its rotation grace period lasts. */
export const secretMatches = (client: OAuthClientRecord, secret: string, now: number): boolean =>
  sameSecret(secret, client.secret) ||
  (client.previousSecret !== undefined &&
    client.previousSecret.validUntil > now &&
    sameSecret(secret, client.previousSecret.value));

export async function handleTokenRequest(
  core: Core,
  req: Request,
  url: URL,
  correlationId: string,
): Promise<TokenOutcome> {
  const fail = (failure: OAuthError, clientId?: string): TokenOutcome => ({
    response: oauthErrorResponse(failure, correlationId),
    clientId,
  });
  const basic = parseBasic(req.headers.get('authorization'));
  increment(core.stats.tokenRequests, basic?.clientId ?? '(none)');
  if (req.method.toUpperCase() !== 'POST')
    return fail({ status: 405, error: 'invalid_request', description: 'method not allowed' });
  // Body credentials (client_id/client_secret form fields) are UNVERIFIED for Genesys; only Basic is accepted.
  if (!basic) return fail(invalidClient('client authentication via HTTP Basic is required'));
  const now = core.options.now();
  const client = core.world.clientsById.get(basic.clientId);
  const org = client ? core.world.orgsById.get(client.orgId) : undefined;
  if (!client || !org || client.state !== 'active' || !secretMatches(client, basic.secret, now))
    return fail(invalidClient(), basic.clientId);
  const hostRegion = regionOfHost(url.hostname, 'login');
  if (hostRegion !== undefined && hostRegion !== org.spec.region) return fail(invalidClient(), client.id);

  const contentType = req.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;.*)?$/i.test(contentType.trim())) {
    return fail(invalidRequest('content type must be application/x-www-form-urlencoded'), client.id);
  }
  const body = await readText(req);
  if (!body.ok) return fail(invalidRequest('request body could not be read'), client.id);
  const grant = new URLSearchParams(body.text).get('grant_type');
  if (grant === null || grant === '') return fail(invalidRequest('grant_type is required'), client.id);
  if (!KNOWN_GRANTS.includes(grant)) return fail(unsupportedGrantType(grant), client.id);
  if (grant !== 'client_credentials' || client.authorizedGrantType !== 'CLIENT-CREDENTIALS')
    return fail(unauthorizedClient(), client.id);

  const record = core.tokens.issue({
    clientId: client.id,
    orgId: org.organization.id,
    permissions: clientPermissions(org, client),
    issuedAt: now,
    expiresAt: now + client.accessTokenValiditySeconds * 1000,
  });
  increment(core.stats.tokensIssued, client.id);
  // Observed responses report one second less than the configured validity (86399 for 86400).
  const body200 = {
    access_token: record.token,
    token_type: 'bearer',
    expires_in: client.accessTokenValiditySeconds - 1,
  };
  return { response: jsonResponse(200, body200, correlationId), orgId: org.organization.id, clientId: client.id };
}

/** A client-credentials client's permissions come only from its role grants (§14). */
export function clientPermissions(org: OrgState, client: OAuthClientRecord): string[] {
  const roleIds = new Set(client.roleDivisions.map((grant) => grant.roleId));
  return [...new Set(org.roles.filter((role) => roleIds.has(role.id)).flatMap((role) => role.permissions))];
}
