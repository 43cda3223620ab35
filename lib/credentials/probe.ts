import 'server-only';
import { TenantAccessError } from '../genesys/errors';
import { PORTAL_FEATURES, probeFeature, type FeatureAccess } from '../genesys/permission-probe';
import type { GenesysRuntime } from '../genesys-runtime';
import { logger } from '../logger';
import { withoutDirectories } from './format';
import type { BindingState, PermissionProbeResult, TokenOutcome } from './types';

type Runtime = Pick<GenesysRuntime, 'client' | 'tokenProvider' | 'connectionFor'>;

/** Per feature call; the route's caller waits for all of them one after another. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * A failed token request as the browser may see it. A TenantAccessError's message is written for
 * users (lib/genesys/errors.ts), but the registry's "tenant list unavailable" one can carry the
 * tenants file's path: cut to its name. Anything else (a cache or network error) can name hosts,
 * ports or internals, so it gets a generic message and its detail goes to the log with the
 * request id.
 * (lib/overview/token-status.ts maps token failures for the overview in much the same way.)
 */
export function toTokenFailure(
  error: unknown,
  context: { tenantId: string; requestId?: string },
): Extract<TokenOutcome, { ok: false }> {
  if (error instanceof TenantAccessError) {
    return { ok: false, code: error.code, message: withoutDirectories(error.message) };
  }
  logger.error(
    { ...context, err: error instanceof Error ? error : String(error) },
    'token request failed unexpectedly',
  );
  return { ok: false, code: 'token_error', message: 'The token could not be acquired.' };
}

/**
 * Which portal features the tenant's OAuth client can use: a token first (it runs the binding
 * check), then one read-only call per feature, sequentially so a probe never spends the tenant's
 * rate budget in a burst. Like checkTenant (the operator CLI's check), but bounded per call and
 * stopped when the caller goes away (the page's user navigated off).
 */
export async function probeTenantPermissions(
  runtime: Runtime,
  tenantId: string,
  options: { now: number; signal?: AbortSignal; requestId?: string },
): Promise<PermissionProbeResult> {
  const { now, signal, requestId } = options;
  const connection = await runtime.connectionFor(tenantId);
  let token: TokenOutcome;
  try {
    const acquired = await runtime.tokenProvider.getToken(connection, { signal });
    token = { ok: true, expiresAt: acquired.expiresAt };
  } catch (error) {
    signal?.throwIfAborted();
    const failure = toTokenFailure(error, { tenantId, requestId });
    const binding: BindingState = failure.code === 'tenant_binding_mismatch' ? 'mismatch' : 'not-checked';
    return { probedAt: now, token: failure, binding, features: [] };
  }
  const features: FeatureAccess[] = [];
  for (const feature of PORTAL_FEATURES) {
    signal?.throwIfAborted();
    features.push(
      await probeFeature(feature, runtime.client, connection, { now, signal, requestId, timeoutMs: PROBE_TIMEOUT_MS }),
    );
  }
  return { probedAt: now, token, binding: 'ok', features };
}
