import { TenantAccessError } from '../genesys/errors';
import { probePortalFeatures, type FeatureAccess } from '../genesys/permission-probe';
import type { GenesysRuntime } from '../genesys-runtime';

export interface TenantCheck {
  tenantId: string;
  displayName: string;
  region: string;
  token: { ok: true; expiresAt: number } | { ok: false; code: string; message: string };
  /** Binding check: /tokens/me reports the configured org (false: credentials of another org). */
  binding: 'ok' | 'mismatch' | 'not-checked';
  features: FeatureAccess[];
}

/** A tenant fails when the portal cannot act for it at all; missing permissions only narrow it. */
export const isTenantFailing = (check: TenantCheck) => !check.token.ok || check.binding !== 'ok';

/**
 * The operator's pre-flight for one tenant: acquire a token (which runs the binding check),
 * then probe each portal feature read-only. Never throws for a tenant problem: it reports it.
 */
export async function checkTenant(runtime: GenesysRuntime, tenantId: string, now = Date.now()): Promise<TenantCheck> {
  const tenant = await runtime.registry.get(tenantId);
  const connection = await runtime.connectionFor(tenantId);
  const base = { tenantId, displayName: tenant.displayName, region: tenant.region };
  try {
    const token = await runtime.tokenProvider.getToken(connection);
    const features = await probePortalFeatures(runtime.client, connection, { now, timeoutMs: 30_000 });
    return { ...base, token: { ok: true, expiresAt: token.expiresAt }, binding: 'ok', features };
  } catch (error) {
    const code = error instanceof TenantAccessError ? error.code : 'token_error';
    const message = error instanceof Error ? error.message : 'unknown error';
    const binding = code === 'tenant_binding_mismatch' ? 'mismatch' : 'not-checked';
    return { ...base, token: { ok: false, code, message }, binding, features: [] };
  }
}
