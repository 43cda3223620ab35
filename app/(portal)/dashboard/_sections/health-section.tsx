import { CredentialHealth } from '@/components/dashboard/credential-health';
import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { SECTIONS } from '@/components/dashboard/sections';
import { loadCredentialHealth } from '@/lib/dashboard/credential-health';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';

/**
 * Health is a snapshot of this instance's health store; taken after this view's first upstream
 * call (`after`) it reflects the token that call used, not the state before any token existed.
 */
export async function HealthSection({ source, after }: { source: DashboardSource; after: Promise<unknown> }) {
  await after;
  const result = await settle(() => loadCredentialHealth(source), sectionOf('credential-health', source));
  return (
    <DashboardSection tenantId={source.tenantId} spec={SECTIONS.health}>
      {result.ok ? <CredentialHealth health={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
