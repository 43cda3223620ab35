import 'server-only';
import type { GenesysRuntime } from '../genesys-runtime';
import type { Tenant } from '../tenants/tenant-schema';
import type { TenantHealth } from '../tenants/health';
import { maskClientId, sourceLabel, withoutDirectories } from './format';
import { assessCredentialHealth, compareByHealth } from './health-state';
import type { CredentialsOverview, SourceStatusView, TenantBindingView, TenantCredentialView } from './types';

type Runtime = Pick<GenesysRuntime, 'registry' | 'health'>;

/**
 * The other organization's id of a mismatch belongs to another customer: only a user granted
 * every tenant may see it (it may identify a tenant they cannot see otherwise). A bound token
 * reports the tenant's own org id, which the view already has.
 */
function bindingView(binding: TenantHealth['binding'], seesEveryTenant: boolean): TenantBindingView {
  if (!binding) return { state: 'not-checked', at: null };
  if (binding.ok) return { state: 'ok', at: binding.at };
  const { reportedOrgId } = binding;
  return seesEveryTenant && reportedOrgId
    ? { state: 'mismatch', at: binding.at, reportedOrgId }
    : { state: 'mismatch', at: binding.at };
}

function toView(tenant: Tenant, health: TenantHealth, options: Options): TenantCredentialView {
  const { lastError } = health;
  const facts = {
    token: { lastAt: health.lastTokenAt, expiresAt: health.tokenExpiresAt },
    binding: bindingView(health.binding, options.seesEveryTenant),
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
    ...assessCredentialHealth(facts, options.now),
  };
}

interface Options {
  now: number;
  /** The user's grants cover every tenant (`grants.all`), present and future. */
  seesEveryTenant: boolean;
}

/**
 * The credentials page's data for the given (already granted) tenants, from what this process
 * knows: the registry's source status and the health the token provider recorded. No upstream
 * call, so it costs the same for 5 tenants or 500. Skipped source entries and the org id of a
 * binding mismatch are there only for a user granted every tenant (they may name tenants or
 * organizations the user cannot see); source errors lose their directories.
 */
export function buildCredentialsOverview(
  runtime: Runtime,
  tenants: readonly Tenant[],
  options: Options,
): CredentialsOverview {
  const status = runtime.registry.status();
  const { lastError } = status;
  const source: SourceStatusView = {
    kind: status.source,
    label: sourceLabel(status.source, status.sourceDescription),
    loadedAt: status.loadedAt ?? null,
    lastError: lastError ? { message: withoutDirectories(lastError.message, status), at: lastError.at } : null,
    breaker: status.breaker,
    skipped: options.seesEveryTenant
      ? status.problems.map(({ tenant, field, message }) => ({ tenant, field, message }))
      : [],
  };
  // One status for all tenants: healthOf() would rebuild it per tenant (quadratic for 500).
  const views = tenants.map((tenant) => toView(tenant, runtime.health.snapshot(tenant.tenantId, status), options));
  return { now: options.now, source, tenants: views.sort(compareByHealth) };
}
