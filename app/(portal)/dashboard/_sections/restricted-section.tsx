import { DashboardSection, SectionNote } from '@/components/dashboard/dashboard-section';
import type { SectionSpec } from '@/components/dashboard/sections';

/** The panel keeps its place for roles that may not see it, and says who can. */
export function RestrictedSection({ tenantId, spec, note }: { tenantId: string; spec: SectionSpec; note: string }) {
  return (
    <DashboardSection tenantId={tenantId} spec={spec}>
      <SectionNote>{note}</SectionNote>
    </DashboardSection>
  );
}
