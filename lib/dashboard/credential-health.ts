import 'server-only';
import type { DashboardSource } from './source';
import type { CredentialHealthView } from './types';

/**
 * The tenant's token and credential health from this instance's health store (no upstream
 * call). On a binding mismatch the token named another organization: its id (in `binding` and
 * in the error message) belongs to another tenant and has no place on this tenant's page.
 */
export function loadCredentialHealth(source: DashboardSource, now: number = Date.now()): CredentialHealthView {
  const health = source.genesys.healthOf(source.tenantId);
  const error = health.lastError;
  return {
    at: now,
    lastTokenAt: health.lastTokenAt,
    tokenExpiresAt: health.tokenExpiresAt,
    binding: health.binding && { ok: health.binding.ok, at: health.binding.at },
    breaker: health.breaker,
    rotationDueAt: health.rotationDueAt,
    lastError:
      error && error.code === 'tenant_binding_mismatch'
        ? { ...error, message: 'The credentials belong to another organization.' }
        : error,
  };
}
