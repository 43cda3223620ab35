import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { TenantChooser } from '@/components/portal/tenant-chooser';
import { TenantScope } from '@/components/portal/tenant-scope';
import { SnapshotsView } from '@/components/snapshots/snapshots-view';
import { EmptyState } from '@/components/ui/empty-state';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';
import { loadDivisionList } from '@/lib/users/division-options';
import { toViewSearch } from '@/lib/users/user-view';
import { switchTenantAction } from '../../actions';
import { readFilterParams, type SearchParams } from '@/lib/snapshots/filter-params';

export const metadata: Metadata = { title: 'User snapshots' };

/**
 * The active tenant's user-list snapshots. The filter to snapshot is the users page's, carried
 * in this page's address (the users table links here with it); list and progress load client-side.
 */
export default async function SnapshotsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, activeTenantId } = await requireCapability('users.export', '/users/snapshots');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const { filter, problem } = readFilterParams(await searchParams);
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  // Only to name the filter's division; without it (or if divisions fail) the id is shown.
  const divisions = active && filter?.division ? await loadDivisionList(active.tenantId, requestId) : null;
  const divisionName = divisions?.ok ? divisions.divisions.find((d) => d.id === filter?.division)?.name : undefined;
  const back = filter ? toViewSearch(filter).toString() : '';

  return (
    <TenantScope tenantId={active?.tenantId ?? null}>
      <main className="page" data-tenant-id={active?.tenantId ?? ''}>
        <header className="page-header">
          <h1>User snapshots</h1>
          {active ? (
            <p>{active.displayName} · who is in the user list now, kept with the audit log to compare later</p>
          ) : null}
        </header>
        <p>
          <Link href={back ? `/users?${back}` : '/users'}>Back to users</Link>
        </p>
        {active ? (
          <SnapshotsView
            tenantId={active.tenantId}
            filter={filter}
            filterProblem={problem}
            divisionName={divisionName}
          />
        ) : (
          <>
            <EmptyState title="Choose a tenant to see its snapshots.">Snapshots are kept per tenant.</EmptyState>
            <TenantChooser tenants={granted.map(toPublicTenant)} activeTenantId={null} action={switchTenantAction} />
          </>
        )}
      </main>
    </TenantScope>
  );
}
