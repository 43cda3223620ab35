import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { TenantCard } from '@/components/tenants/tenant-card';

interface Props {
  tenants: PublicTenant[];
  activeTenantId: string | null;
  action: (form: FormData) => Promise<void>;
}

export function TenantChooser({ tenants, activeTenantId, action }: Props) {
  if (tenants.length === 0) {
    return (
      <p className="notice" role="status">
        No tenant is granted to your account yet. Ask an administrator.
      </p>
    );
  }
  return (
    <section aria-labelledby="tenant-chooser-title">
      <h2 id="tenant-chooser-title">Your tenants</h2>
      <ul className="tenant-grid" aria-label="Your tenants">
        {tenants.map((tenant) => (
          <TenantCard key={tenant.tenantId} tenant={tenant}>
            {tenant.tenantId === activeTenantId ? (
              <p className="tag">Active</p>
            ) : (
              <form action={action}>
                <input type="hidden" name="tenantId" value={tenant.tenantId} />
                <button type="submit" aria-label={`Switch to ${tenant.displayName}`}>
                  Switch
                </button>
              </form>
            )}
          </TenantCard>
        ))}
      </ul>
    </section>
  );
}
