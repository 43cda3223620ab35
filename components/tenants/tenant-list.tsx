import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { TenantCard } from './tenant-card';

export function TenantList({ tenants }: { tenants: PublicTenant[] }) {
  if (tenants.length === 0) {
    return (
      <p className="notice" role="status">
        No tenants are configured yet. Add entries to the tenants file or the config service; invalid entries are listed
        in the server log by tenant and field.
      </p>
    );
  }
  return (
    <ul className="tenant-grid" aria-label="Configured tenants">
      {tenants.map((tenant) => (
        <TenantCard key={tenant.tenantId} tenant={tenant} />
      ))}
    </ul>
  );
}
