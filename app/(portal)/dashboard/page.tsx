import type { Metadata } from 'next';
import { ConfirmSwitch } from '@/components/portal/confirm-switch';
import { OrganizationSummary } from '@/components/portal/organization-summary';
import { TenantChooser } from '@/components/portal/tenant-chooser';
import { getOrganization } from '@/lib/genesys';
import { mapError } from '@/lib/http/error-response';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireSession } from '@/lib/session/server';
import { getGenesysRuntime, toPublicTenant, type Tenant } from '@/lib/tenants';
import { switchTenantAction } from '../actions';

export const metadata: Metadata = { title: 'Dashboard' };

async function loadOrganization(tenant: Tenant) {
  const genesys = getGenesysRuntime();
  try {
    const org = await getOrganization(genesys.client, await genesys.connectionFor(tenant.tenantId));
    return {
      ok: true as const,
      org: { name: org.name, id: org.id, domain: org.domain ?? null, state: org.state ?? null, version: org.version },
    };
  } catch (error) {
    const mapped = mapError(error);
    return { ok: false as const, message: mapped.message };
  }
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ tenant?: string | string[] }>;
}) {
  const { user, activeTenantId } = await requireSession('/dashboard');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const requestedId = [(await searchParams).tenant].flat()[0];
  const requested = requestedId ? granted.find((t) => t.tenantId === requestedId) : undefined;
  // A deep link never switches by itself (a GET changes nothing): it asks first.
  const confirm = requestedId && requestedId !== active?.tenantId;
  const summary = active ? await loadOrganization(active) : null;

  return (
    <main className="page" data-tenant-id={active?.tenantId ?? ''}>
      <h1>Dashboard</h1>
      {confirm ? (
        requested ? (
          <ConfirmSwitch
            tenant={toPublicTenant(requested)}
            current={active ? toPublicTenant(active) : null}
            action={switchTenantAction}
          />
        ) : (
          <p className="notice error" role="alert">
            The tenant in this link is not available to you.
          </p>
        )
      ) : null}
      {active && summary ? (
        <OrganizationSummary tenant={toPublicTenant(active)} summary={summary} />
      ) : (
        <p className="notice" role="status">
          Choose a tenant to work on.
        </p>
      )}
      <TenantChooser
        tenants={granted.map(toPublicTenant)}
        activeTenantId={active?.tenantId ?? null}
        action={switchTenantAction}
      />
    </main>
  );
}
