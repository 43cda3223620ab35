import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { SECTIONS } from '@/components/dashboard/sections';
import { UserStates } from '@/components/dashboard/user-states';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';
import { loadUserCounts } from '@/lib/dashboard/user-counts';

export async function UsersSection({ source }: { source: DashboardSource }) {
  const result = await settle(() => loadUserCounts(source), sectionOf('users', source));
  return (
    <DashboardSection tenantId={source.tenantId} spec={SECTIONS.users}>
      {result.ok ? <UserStates counts={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
