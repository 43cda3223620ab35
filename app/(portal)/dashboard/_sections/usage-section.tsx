import { DashboardSection } from '@/components/dashboard/dashboard-section';
import { LiveUsage } from '@/components/dashboard/live-usage';
import { SECTIONS } from '@/components/dashboard/sections';

// Nothing to await here: the browser polls GET /api/tenants/[tenantId]/usage itself.
export function UsageSection({ tenantId }: { tenantId: string }) {
  return (
    <DashboardSection tenantId={tenantId} spec={SECTIONS.usage}>
      <LiveUsage tenantId={tenantId} />
    </DashboardSection>
  );
}
