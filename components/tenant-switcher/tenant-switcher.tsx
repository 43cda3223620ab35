'use client';

import type { PublicTenant } from '@/lib/tenants/tenant-schema';

export interface TenantSwitcherProps {
  tenants: PublicTenant[];
  activeTenantId: string | null;
  /** The switch server action (form field `tenantId`); it redirects to the new dashboard. */
  action: (form: FormData) => Promise<void>;
}

// Placeholder until the combobox lands (same props).
export function TenantSwitcher({ tenants, activeTenantId }: TenantSwitcherProps) {
  return (
    <span className="muted">
      {tenants.length} tenants{activeTenantId ? '' : ' (none active)'}
    </span>
  );
}
