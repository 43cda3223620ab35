import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { TenantScope } from '@/components/portal/tenant-scope';
import { TenantChooser } from '@/components/portal/tenant-chooser';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersTable } from '@/components/users/users-table';
import { can } from '@/lib/auth/capabilities';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';
import { loadDivisionList } from '@/lib/users/division-options';
import { switchTenantAction } from '../../actions';

export const metadata: Metadata = { title: 'Users' };

/**
 * The active tenant's users. The view (filter, sort, page, columns) is the URL's, read and
 * validated by the table itself (an invalid link shows the defaults and says why); the server
 * adds the divisions for the filter, one listing per page load.
 */
export default async function UsersPage() {
  const { user, activeTenantId } = await requireCapability('users.view', '/users');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  const divisions = active ? await loadDivisionList(active.tenantId, requestId) : null;

  return (
    <TenantScope tenantId={active?.tenantId ?? null}>
      <main className="page" data-tenant-id={active?.tenantId ?? ''}>
        <header className="page-header">
          <h1>Users</h1>
          {active ? (
            <p>{active.displayName} · search, filter and sort; the address bar keeps the view for sharing</p>
          ) : null}
        </header>
        {active && divisions ? (
          <UsersTable tenantId={active.tenantId} divisions={divisions} canExport={can(user.role, 'users.export')} />
        ) : (
          <>
            <EmptyState title="Choose a tenant to list its users.">
              The users page shows one tenant&apos;s users at a time.
            </EmptyState>
            <TenantChooser tenants={granted.map(toPublicTenant)} activeTenantId={null} action={switchTenantAction} />
          </>
        )}
      </main>
    </TenantScope>
  );
}
