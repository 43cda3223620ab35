import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TenantScope } from '@/components/portal/tenant-scope';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';
import { switchTenantAction } from '../actions';
import { DeepLink } from './_sections/deep-link';
import { NoActiveTenant } from './_sections/no-active-tenant';
import { TenantDashboard } from './_sections/tenant-dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ tenant?: string | string[] }>;
}) {
  const { user, activeTenantId } = await requireCapability('tenant.view', '/dashboard');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const requestedId = [(await searchParams).tenant].flat()[0];
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));

  return (
    <TenantScope tenantId={active?.tenantId ?? null}>
      <main className="page" data-tenant-id={active?.tenantId ?? ''}>
        <header className="page-header">
          <h1>Dashboard</h1>
          {active ? (
            <p>
              {active.displayName} · {active.region}
            </p>
          ) : null}
        </header>
        {requestedId && requestedId !== active?.tenantId ? (
          <DeepLink
            requested={granted.find((t) => t.tenantId === requestedId)}
            active={active}
            action={switchTenantAction}
          />
        ) : null}
        {active ? (
          <TenantDashboard tenant={toPublicTenant(active)} role={user.role} requestId={requestId} />
        ) : (
          <NoActiveTenant tenants={granted.map(toPublicTenant)} action={switchTenantAction} />
        )}
      </main>
    </TenantScope>
  );
}
