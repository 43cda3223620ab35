import 'server-only';
import { TenantAccessError } from '../genesys/errors';
import { PORTAL_FEATURES, probeFeature, type FeatureAccess } from '../genesys/permission-probe';
import type { GenesysRuntime } from '../genesys-runtime';
import type { BindingState, PermissionProbeResult, TokenOutcome } from './types';

type Runtime = Pick<GenesysRuntime, 'client' | 'tokenProvider' | 'connectionFor'>;

/** Per feature call; the route's caller waits for all of them one after another. */
const PROBE_TIMEOUT_MS = 10_000;

export function toTokenFailure(error: unknown): Extract<TokenOutcome, { ok: false }> {
  if (error instanceof TenantAccessError) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: 'token_error', message: error instanceof Error ? error.message : 'unknown error' };
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
    const failure = toTokenFailure(error);
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
