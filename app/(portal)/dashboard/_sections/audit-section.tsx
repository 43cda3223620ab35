import { AuditEntries } from '@/components/dashboard/audit-entries';
import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { SECTIONS } from '@/components/dashboard/sections';
import { loadLatestAudit } from '@/lib/dashboard/audit';
import { settle } from '@/lib/dashboard/settle';
import { getPortalRuntime } from '@/lib/portal-runtime';

export async function AuditSection({ tenantId, requestId }: { tenantId: string; requestId: string }) {
  const result = await settle(() => loadLatestAudit(getPortalRuntime().audit, tenantId), {
    section: 'audit',
    tenantId,
    requestId,
  });
  return (
    <DashboardSection tenantId={tenantId} spec={SECTIONS.audit}>
      {result.ok ? <AuditEntries entries={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
