/**
 * One token acquisition for one tenant, with no caching or locking (token-provider.ts adds
 * those): grant → one credential re-read on invalid_client → binding check. Fails closed
 * with TenantAccessError; logs and health events carry tenant id, status and code only.
 */
import { TenantAccessError, type TenantFailureCode } from './errors';
import type {
  AccessToken,
  Clock,
  CredentialRefresher,
  FetchLike,
  GenesysLogger,
  TenantConnection,
  TenantHealthRecorder,
} from './ports';
import { getRegionHosts } from './regions';
import { requestGrant, requestTokenOrg, type Failure, type GrantOutcome } from './token-request';

export interface TokenAcquireOptions {
  fetch: FetchLike;
  clock: Clock;
  logger: GenesysLogger;
  gatewayUrl?: URL;
  /** Subtracted from expires_in, capped at half the lifetime so a short-lived token is still used. */
  marginMs: number;
  /** Bounds each HTTP call with a real timer, so a hung socket cannot hold the lock. */
  requestTimeoutMs: number;
  health?: TenantHealthRecorder;
  refreshCredentials?: CredentialRefresher;
}

const isInvalidClient = (outcome: GrantOutcome) =>
  !outcome.ok && (outcome.status === 401 || outcome.status === 400) && outcome.code === 'invalid_client';

const changed = (a: TenantConnection, b: TenantConnection) =>
  a.clientId !== b.clientId || a.clientSecret !== b.clientSecret;

export function createTokenAcquirer(options: TokenAcquireOptions) {
  const { fetch, clock, logger, health } = options;
  const timeout = () => AbortSignal.timeout(options.requestTimeoutMs);

  function fail(tenantId: string, code: TenantFailureCode, message: string, failure?: Failure): never {
    logger.warn({ tenantId, code, status: failure?.status, upstreamCode: failure?.code }, 'genesys token failed');
    health?.tokenFailed(tenantId, { at: clock.now(), code, message });
    throw new TenantAccessError(tenantId, code, message);
  }

  const grantFor = (connection: TenantConnection) =>
    requestGrant(fetch, getRegionHosts(connection.region, options.gatewayUrl).loginBaseUrl, connection, timeout());

  /** invalid_client: re-read the credentials once; retry only if they really changed. */
  async function grantWithRefresh(tenant: TenantConnection) {
    const first = await grantFor(tenant);
    if (!isInvalidClient(first)) return { outcome: first, connection: tenant };
    let fresh: TenantConnection | undefined;
    try {
      fresh = await options.refreshCredentials?.(tenant.tenantId);
    } catch {
      logger.warn({ tenantId: tenant.tenantId }, 'credential re-read failed');
    }
    if (!fresh || !changed(fresh, tenant)) return { outcome: first, connection: tenant };
    logger.info({ tenantId: tenant.tenantId }, 'retrying token request with re-read credentials');
    return { outcome: await grantFor(fresh), connection: fresh };
  }

  return async function acquireToken(tenant: TenantConnection): Promise<AccessToken> {
    const { tenantId } = tenant;
    const startedAt = clock.now();
    const { outcome, connection } = await grantWithRefresh(tenant);
    if (!outcome.ok) {
      if (isInvalidClient(outcome)) {
        fail(tenantId, 'credentials_invalid', 'The token endpoint rejected the client credentials', outcome);
      }
      const status = outcome.status === undefined ? outcome.code : `HTTP ${outcome.status}`;
      fail(tenantId, 'token_endpoint_error', `The token endpoint failed (${status})`, outcome);
    }

    const { apiBaseUrl } = getRegionHosts(connection.region, options.gatewayUrl);
    const binding = await requestTokenOrg(fetch, apiBaseUrl, outcome.accessToken, timeout());
    if (!binding.ok) fail(tenantId, 'token_endpoint_error', 'The token binding check failed', binding);
    const bound = binding.orgId === connection.orgId;
    health?.bindingChecked(tenantId, { at: clock.now(), ok: bound, reportedOrgId: binding.orgId });
    if (!bound) {
      // The token is dropped unused: credentials of another org must never serve this tenant.
      // The other org's id goes to the log and the health record (operators), never into the
      // message, which reaches every user of this tenant's pages.
      logger.warn({ tenantId, reportedOrgId: binding.orgId }, 'genesys credentials bound to another organization');
      fail(
        tenantId,
        'tenant_binding_mismatch',
        "The credentials belong to another organization: fix the tenant's OAuth client before it can be used",
      );
    }

    const marginMs = Math.min(options.marginMs, outcome.expiresInMs / 2);
    const token = { value: outcome.accessToken, expiresAt: startedAt + outcome.expiresInMs - marginMs };
    logger.info({ tenantId, expiresInS: outcome.expiresInMs / 1000 }, 'genesys token acquired');
    health?.tokenAcquired(tenantId, { at: clock.now(), expiresAt: token.expiresAt });
    return token;
  };
}
