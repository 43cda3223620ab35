import 'server-only';
import { recordAudit } from '../audit';
import type { AuditLog } from '../audit/types';
import type { PortalUser } from '../auth/types';
import { TenantAccessError } from '../genesys/errors';
import type { GenesysRuntime } from '../genesys-runtime';
import { logger } from '../logger';
import { toConnection } from '../tenants/connection';
import type { Tenant } from '../tenants/tenant-schema';
import { toTokenFailure } from './probe';
import type { RotationOutcome, TokenOutcome } from './types';

type Runtime = Pick<GenesysRuntime, 'registry' | 'tokenProvider'>;

const stopped = (code: string, message: string, extra: Partial<RotationOutcome> = {}): RotationOutcome => ({
  ok: false,
  reread: { ok: false, message },
  secretChanged: false,
  clientIdChanged: false,
  tokenEvicted: false,
  token: null,
  failure: { code, message },
  ...extra,
});

/**
 * "Rotate now": re-read the credential source, evict the tenant's token, and acquire a fresh one
 * (two upstream calls: grant + binding check) so the page shows the new state at once. A failed
 * re-read changes nothing: the working token is kept rather than traded for one under the same,
 * possibly stale, credentials. `before` is the tenant as the caller resolved it.
 */
export async function rotateTenantCredentials(
  runtime: Runtime,
  before: Tenant,
  now: () => number = Date.now,
): Promise<RotationOutcome> {
  const { tenantId } = before;
  const startedAt = now();
  // A failed re-read does not throw (the registry keeps its last valid list): the load time tells.
  await runtime.registry.refreshCredentials(tenantId).catch(() => undefined);
  const status = runtime.registry.status();
  if (status.loadedAt === undefined || status.loadedAt < startedAt) {
    const reason = status.lastError?.message ?? 'the credential source did not answer';
    return stopped('reread_failed', `Could not re-read the credentials: ${reason}. The current token was kept.`);
  }
  let after: Tenant;
  try {
    after = await runtime.registry.get(tenantId);
  } catch (error) {
    if (!(error instanceof TenantAccessError)) throw error;
    // The registry evicted its tokens when the entry disappeared (onCredentialsChanged: removed).
    return stopped('tenant_removed', 'The tenant is no longer in the credential source.', {
      reread: { ok: true },
      tokenEvicted: true,
    });
  }
  const changes = {
    secretChanged: after.clientSecret !== before.clientSecret,
    clientIdChanged: after.clientId !== before.clientId,
  };
  try {
    await runtime.tokenProvider.invalidate(tenantId);
  } catch {
    return stopped('evict_failed', 'The token cache did not answer; the token could not be evicted.', {
      reread: { ok: true },
      ...changes,
    });
  }
  let token: TokenOutcome;
  try {
    token = { ok: true, expiresAt: (await runtime.tokenProvider.getToken(toConnection(after))).expiresAt };
  } catch (error) {
    token = toTokenFailure(error);
  }
  return { ok: token.ok, reread: { ok: true }, ...changes, tokenEvicted: true, token };
}

export interface AuditedRotation {
  runtime: Runtime;
  audit: AuditLog;
  user: PortalUser;
  tenant: Tenant;
  requestId: string;
  now?: () => number;
}

/**
 * The rotation with its audit entry. A rotation that cannot be audited is refused (the store must
 * answer first); afterwards exactly one `credentials.rotate` entry records the outcome with
 * booleans about what changed, never a secret. If the store fails after the rotation, the failure
 * is logged and the user still gets the result (the rotation happened).
 */
export async function rotateCredentialsAudited(input: AuditedRotation): Promise<RotationOutcome> {
  const { audit, user, tenant, requestId } = input;
  try {
    await audit.query({ limit: 1 });
  } catch {
    return stopped('audit_unavailable', 'The audit log is not answering, so nothing was rotated. Try again later.');
  }
  const outcome = await rotateTenantCredentials(input.runtime, tenant, input.now);
  const token = outcome.token;
  await recordAudit(audit, {
    userId: user.id,
    userEmail: user.email,
    role: user.role,
    tenantId: tenant.tenantId,
    action: 'credentials.rotate',
    result: outcome.ok ? 'success' : 'failure',
    requestId,
    details: {
      reread: outcome.reread.ok,
      secretChanged: outcome.secretChanged,
      clientIdChanged: outcome.clientIdChanged,
      tokenEvicted: outcome.tokenEvicted,
      tokenAcquired: token?.ok ?? false,
      failure: outcome.failure?.code ?? (token && !token.ok ? token.code : null),
    },
  }).catch((error: unknown) => {
    logger.error(
      { requestId, action: 'credentials.rotate', tenantId: tenant.tenantId, err: String(error) },
      'audit append failed after a change',
    );
  });
  return outcome;
}
