// Bearer-token authentication for /api/v2 requests.
import type { Core } from '../core';
import type { EmulatorResult } from '../result';
import type { OrgState } from '../world';
import type { TokenRecord } from './tokens';
import { authenticationRequired, badCredentials } from '../http/errors';
import { regionOfHost } from './regions';

export type Authenticated = { ok: true; token: TokenRecord; org: OrgState } | { ok: false; error: EmulatorResult };

export function authenticate(core: Core, req: Request, url: URL, now: number): Authenticated {
  const header = req.headers.get('authorization');
  // The tutorial sends `bearer <token>` (token_type as returned), so the scheme is case-insensitive.
  const match = header === null ? null : /^bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return { ok: false, error: authenticationRequired() };
  const token = core.tokens.find(match[1]);
  if (!token || token.expiresAt <= now) return { ok: false, error: badCredentials() };
  const org = core.world.orgsById.get(token.orgId);
  const client = core.world.clientsById.get(token.clientId);
  // A disabled or deleted client's tokens stop working (UNVERIFIED timing; strict is safer).
  if (!org || !client || client.state !== 'active') return { ok: false, error: badCredentials() };
  const hostRegion = regionOfHost(url.hostname, 'api');
  if (hostRegion !== undefined && hostRegion !== org.spec.region) return { ok: false, error: badCredentials() };
  return { ok: true, token, org };
}
