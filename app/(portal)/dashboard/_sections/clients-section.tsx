import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { OAuthClientList } from '@/components/dashboard/oauth-client-list';
import { SECTIONS } from '@/components/dashboard/sections';
import { loadOAuthClients } from '@/lib/dashboard/oauth-clients';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';

export async function ClientsSection({ source }: { source: DashboardSource }) {
  const result = await settle(() => loadOAuthClients(source), sectionOf('oauth-clients', source));
  return (
    <DashboardSection tenantId={source.tenantId} spec={SECTIONS.clients}>
      {result.ok ? <OAuthClientList summary={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
