import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { CrossTabTenantSync } from '@/components/portal/cross-tab-tenant-sync';
import { PortalHeader } from '@/components/portal/portal-header';
import { RequestIdProvider } from '@/components/portal/request-id';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { navFor } from '@/lib/portal-nav';
import { requireSession } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';
import { logoutAction, switchTenantAction } from './actions';

// Every page below is signed-in only; each page still checks the session and its capability.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { user, activeTenantId } = await requireSession();
  const granted = (await listGrantedTenants(user)).map(toPublicTenant);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <RequestIdProvider requestId={requestId}>
      <ActiveTenantProvider activeTenantId={active?.tenantId ?? null}>
        <CrossTabTenantSync />
        <PortalHeader
          user={{ id: user.id, name: user.name, email: user.email, role: user.role }}
          activeTenant={active}
          tenants={granted}
          nav={navFor(user.role).map(({ href, label }) => ({ href, label }))}
          switchAction={switchTenantAction}
          logoutAction={logoutAction}
        />
        {children}
      </ActiveTenantProvider>
    </RequestIdProvider>
  );
}
