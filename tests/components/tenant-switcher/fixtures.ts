import type { PublicTenant } from '@/lib/tenants/tenant-schema';

let counter = 0;

/** A granted tenant as the layout passes it; unique org id per call. */
export function tenant(overrides: Partial<PublicTenant> & { tenantId: string }): PublicTenant {
  counter += 1;
  return {
    displayName: overrides.tenantId,
    orgId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    region: 'mypurecloud.com',
    environment: 'sandbox',
    ...overrides,
  };
}

const GROUPS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

/** `count` tenants spread round-robin over five groups (Alpha ... Echo), named "Tenant 0000" ... */
export function manyTenants(count: number): PublicTenant[] {
  return Array.from({ length: count }, (_, i) =>
    tenant({
      tenantId: `t-${String(i).padStart(4, '0')}`,
      displayName: `Tenant ${String(i).padStart(4, '0')}`,
      group: GROUPS[i % GROUPS.length],
      environment: i % 7 === 0 ? 'production' : 'sandbox',
    }),
  );
}
