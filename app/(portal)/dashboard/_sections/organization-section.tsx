import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { FeatureList } from '@/components/dashboard/feature-list';
import { OrganizationCard } from '@/components/dashboard/organization-card';
import { SECTIONS } from '@/components/dashboard/sections';
import type { OrganizationSummary, Settled } from '@/lib/dashboard/types';

type Props = { tenantId: string; organization: Promise<Settled<OrganizationSummary>> };

// Both panels read the same GET /organizations/me: the page starts it once and hands each the promise.
export async function OrganizationSection({ tenantId, organization }: Props) {
  const result = await organization;
  return (
    <DashboardSection tenantId={tenantId} spec={SECTIONS.organization}>
      {result.ok ? <OrganizationCard org={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}

export async function FeaturesSection({ tenantId, organization }: Props) {
  const result = await organization;
  return (
    <DashboardSection tenantId={tenantId} spec={SECTIONS.features}>
      {result.ok ? <FeatureList features={result.data.features} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
