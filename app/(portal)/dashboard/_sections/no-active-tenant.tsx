import { TenantChooser } from '@/components/portal/tenant-chooser';
import { EmptyState } from '@/components/ui/empty-state';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';

export function NoActiveTenant({
  tenants,
  action,
}: {
  tenants: PublicTenant[];
  action: (form: FormData) => Promise<void>;
}) {
  return (
    <>
      <EmptyState title="Choose a tenant to work on.">
        The dashboard shows one tenant at a time: its organization, users, queues and rate-budget use.
      </EmptyState>
      <TenantChooser tenants={tenants} activeTenantId={null} action={action} />
    </>
  );
}
