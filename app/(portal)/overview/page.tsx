import type { Metadata } from 'next';
import { OverviewGrid } from '@/components/overview/overview-grid';
import { EmptyState } from '@/components/ui/empty-state';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';
import { toPublicTenant } from '@/lib/tenants';

export const metadata: Metadata = { title: 'All tenants' };

// The user's granted tenants (every tenant for a user granted all): the same rule the API
// applies to each row's request (withTenantRoute), so no row is offered that would answer 403.
export default async function OverviewPage() {
  const { user } = await requireCapability('tenant.view', '/overview');
  const tenants = (await listGrantedTenants(user)).map(toPublicTenant);
  return (
    <main className="page">
      <header className="page-header">
        <h1>All tenants</h1>
        <p>Token, permissions, users and rate budget of every tenant you can work on.</p>
      </header>
      {tenants.length === 0 ? (
        <EmptyState title="No tenants yet">
          No tenant is granted to your account. Ask a portal administrator to grant you access.
        </EmptyState>
      ) : (
        <OverviewGrid tenants={tenants} />
      )}
    </main>
  );
}
