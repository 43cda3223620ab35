import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { DirectoryCounts } from '@/components/dashboard/directory-counts';
import { SECTIONS } from '@/components/dashboard/sections';
import { loadDirectoryCounts } from '@/lib/dashboard/directory-counts';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';

export async function DirectorySection({ source }: { source: DashboardSource }) {
  const result = await settle(() => loadDirectoryCounts(source), sectionOf('directory', source));
  return (
    <DashboardSection tenantId={source.tenantId} spec={SECTIONS.directory}>
      {result.ok ? <DirectoryCounts counts={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
