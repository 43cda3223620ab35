import 'server-only';
import type { GenesysRuntime } from '../genesys-runtime';
import type { Tenant } from '../tenants/tenant-schema';
import type { TenantHealth } from '../tenants/health';
import { maskClientId, sourceLabel } from './format';
import { assessCredentialHealth, compareByHealth } from './health-state';
import type { CredentialsOverview, SourceStatusView, TenantCredentialView } from './types';

type Runtime = Pick<GenesysRuntime, 'registry' | 'health'>;

function toView(tenant: Tenant, health: TenantHealth, now: number): TenantCredentialView {
  const { lastError, binding } = health;
  const facts = {
    token: { lastAt: health.lastTokenAt, expiresAt: health.tokenExpiresAt },
    binding: binding
      ? {
          state: binding.ok ? ('ok' as const) : ('mismatch' as const),
          at: binding.at,
          reportedOrgId: binding.reportedOrgId ?? null,
        }
      : { state: 'not-checked' as const, at: null, reportedOrgId: null },
    rotation:
      tenant.rotationIntervalMs && health.rotationDueAt !== null
        ? { intervalMs: tenant.rotationIntervalMs, dueAt: health.rotationDueAt }
        : null,
    lastError: lastError
      ? { ...lastError, recovered: health.lastTokenAt !== null && health.lastTokenAt > lastError.at }
      : null,
    breaker: health.breaker,
  };
  return {
    tenantId: tenant.tenantId,
    displayName: tenant.displayName,
    environment: tenant.environment,
    region: tenant.region,
    orgId: tenant.orgId,
    clientIdHint: maskClientId(tenant.clientId),
    ...facts,
    ...assessCredentialHealth(facts, now),
  };
}

/**
 * The credentials page's data for the given (already granted) tenants, from what this process
 * knows: the registry's source status and the health the token provider recorded. No upstream
 * call, so it costs the same for 5 tenants or 500. Skipped source entries are listed only for a
 * user granted every tenant (their ids may name tenants the user cannot see).
 */
export function buildCredentialsOverview(
  runtime: Runtime,
  tenants: readonly Tenant[],
  options: { now: number; showSkippedEntries: boolean },
): CredentialsOverview {
  const status = runtime.registry.status();
  const source: SourceStatusView = {
    kind: status.source,
    label: sourceLabel(status.source, status.sourceDescription),
    loadedAt: status.loadedAt ?? null,
    lastError: status.lastError ?? null,
    breaker: status.breaker,
    skipped: options.showSkippedEntries
      ? status.problems.map(({ tenant, field, message }) => ({ tenant, field, message }))
      : [],
  };
  // One status for all tenants: healthOf() would rebuild it per tenant (quadratic for 500).
  const views = tenants.map((tenant) => toView(tenant, runtime.health.snapshot(tenant.tenantId, status), options.now));
  return { now: options.now, source, tenants: views.sort(compareByHealth) };
}
