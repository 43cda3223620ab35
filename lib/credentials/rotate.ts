import 'server-only';
import { recordAudit } from '../audit';
import type { AuditLog } from '../audit/types';
import type { PortalUser } from '../auth/types';
import { TenantAccessError } from '../genesys/errors';
import type { GenesysRuntime } from '../genesys-runtime';
import { logger } from '../logger';
import { toConnection } from '../tenants/connection';
import type { Tenant } from '../tenants/tenant-schema';
import { withoutDirectories } from './format';
import { toTokenFailure } from './probe';
import type { RotationOutcome, TokenOutcome } from './types';

type Runtime = Pick<GenesysRuntime, 'registry' | 'tokenProvider'>;

/** How far a rotation got; filled in step by step, so an unexpected stop can still say it. */
interface Progress {
  reread: boolean;
  secretChanged: boolean;
  clientIdChanged: boolean;
  tokenEvicted: boolean;
}

const nothingYet = (): Progress => ({
  reread: false,
  secretChanged: false,
  clientIdChanged: false,
  tokenEvicted: false,
});

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
 * possibly stale, credentials. `before` is the tenant as the caller resolved it. Expected
 * failures are answered as an outcome; anything else is thrown, with `progress` telling how far
 * it got.
 */
export async function rotateTenantCredentials(
  runtime: Runtime,
  before: Tenant,
  options: { now?: () => number; requestId?: string; progress?: Progress } = {},
): Promise<RotationOutcome> {
  const { now = Date.now, requestId, progress = nothingYet() } = options;
  const { tenantId } = before;
  const startedAt = now();
  // A failed re-read does not throw (the registry keeps its last valid list): the load time tells.
  await runtime.registry.refreshCredentials(tenantId).catch(() => undefined);
  const status = runtime.registry.status();
  if (status.loadedAt === undefined || status.loadedAt < startedAt) {
    const reason = status.lastError
      ? withoutDirectories(status.lastError.message, status)
      : 'the credential source did not answer';
    return stopped('reread_failed', `Could not re-read the credentials: ${reason}. The current token was kept.`);
  }
  progress.reread = true;
  let after: Tenant;
  try {
    after = await runtime.registry.get(tenantId);
  } catch (error) {
    if (!(error instanceof TenantAccessError)) throw error;
    // The registry evicted its tokens when the entry disappeared (onCredentialsChanged: removed).
    progress.tokenEvicted = true;
    return stopped('tenant_removed', 'The tenant is no longer in the credential source.', {
      reread: { ok: true },
      tokenEvicted: true,
    });
  }
  progress.secretChanged = after.clientSecret !== before.clientSecret;
  progress.clientIdChanged = after.clientId !== before.clientId;
  const changes = { secretChanged: progress.secretChanged, clientIdChanged: progress.clientIdChanged };
  try {
    await runtime.tokenProvider.invalidate(tenantId);
  } catch {
    return stopped('evict_failed', 'The token cache did not answer; the token could not be evicted.', {
      reread: { ok: true },
      ...changes,
    });
  }
  progress.tokenEvicted = true;
  let token: TokenOutcome;
  try {
    token = { ok: true, expiresAt: (await runtime.tokenProvider.getToken(toConnection(after))).expiresAt };
  } catch (error) {
    token = toTokenFailure(error, { tenantId, requestId });
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

/** An unexpected error, as the user reads it: what is known, and no internals (those are logged). */
function interrupted(progress: Progress): RotationOutcome {
  const message =
    'The rotation stopped on an unexpected error. Refresh the page to see the current state, then try again.';
  return stopped('rotation_error', message, {
    reread: progress.reread ? { ok: true } : { ok: false, message },
    secretChanged: progress.secretChanged,
    clientIdChanged: progress.clientIdChanged,
    tokenEvicted: progress.tokenEvicted,
  });
}

/**
 * The rotation with its audit entry. A rotation that cannot be audited is refused (the store must
 * answer first). Once that check passed, exactly one `credentials.rotate` entry records the
 * outcome, whatever it is (an unexpected error included), with booleans about what changed, never
 * a secret. If that append fails, it is logged at error level and the outcome says so
 * (`auditFailed`): the rotation happened, the user must know it is not in the audit log.
 */
export async function rotateCredentialsAudited(input: AuditedRotation): Promise<RotationOutcome> {
  const { audit, user, tenant, requestId } = input;
  const context = { requestId, action: 'credentials.rotate', tenantId: tenant.tenantId };
  try {
    await audit.query({ limit: 1 });
  } catch {
    return stopped('audit_unavailable', 'The audit log is not answering, so nothing was rotated. Try again later.');
  }
  const progress = nothingYet();
  let outcome: RotationOutcome;
  try {
    outcome = await rotateTenantCredentials(input.runtime, tenant, { now: input.now, requestId, progress });
  } catch (error) {
    logger.error({ ...context, progress, err: error instanceof Error ? error : String(error) }, 'rotation failed');
    outcome = interrupted(progress);
  }
  const { token } = outcome;
  try {
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
    });
  } catch (error) {
    logger.error({ ...context, err: String(error) }, 'audit append failed after a change');
    return { ...outcome, auditFailed: true };
  }
  return outcome;
}
