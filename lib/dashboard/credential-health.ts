import 'server-only';
import type { DashboardSource } from './source';
import type { CredentialHealthView } from './types';

/**
 * The tenant's token and credential health from this instance's health store (no upstream
 * call). On a binding mismatch the health record keeps the org id the token named, for
 * operators: it belongs to another tenant, so `binding` is copied without it. The last error's
 * message never names that org (token-acquire leaves it out), so it is shown as recorded.
 */
export function loadCredentialHealth(source: DashboardSource, now: number = Date.now()): CredentialHealthView {
  const health = source.genesys.healthOf(source.tenantId);
  return {
    at: now,
    lastTokenAt: health.lastTokenAt,
    tokenExpiresAt: health.tokenExpiresAt,
    binding: health.binding && { ok: health.binding.ok, at: health.binding.at },
    breaker: health.breaker,
    rotationDueAt: health.rotationDueAt,
    lastError: health.lastError,
  };
}
