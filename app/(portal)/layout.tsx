import type { ReactNode } from 'react';
import { PortalHeader } from '@/components/portal/portal-header';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireSession } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';
import { logoutAction } from './actions';

// Every page below is signed-in only; each page still calls requireSession itself.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { user, activeTenantId } = await requireSession();
  const active = (await listGrantedTenants(user)).find((t) => t.tenantId === activeTenantId);
  return (
    <>
      <PortalHeader
        user={{ name: user.name, email: user.email, role: user.role }}
        activeTenant={active ? toPublicTenant(active) : null}
        logoutAction={logoutAction}
      />
      {children}
    </>
  );
}
