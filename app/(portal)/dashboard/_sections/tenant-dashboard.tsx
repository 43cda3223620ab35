import { SECTIONS } from '@/components/dashboard/sections';
import { Streamed } from '@/components/dashboard/streamed';
import { can } from '@/lib/auth/capabilities';
import type { Role } from '@/lib/auth/types';
import { loadCachedOrganization } from '@/lib/dashboard/cached-organization';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';
import { getGenesysRuntime, type PublicTenant } from '@/lib/tenants';
import { ActivitySection } from './activity-section';
import { AuditSection } from './audit-section';
import { ClientsSection } from './clients-section';
import { DirectorySection } from './directory-section';
import { HealthSection } from './health-section';
import { FeaturesSection, OrganizationSection } from './organization-section';
import { RestrictedSection } from './restricted-section';
import { UsageSection } from './usage-section';
import { UsersSection } from './users-section';

/**
 * The active tenant's dashboard: every section streams in its own Suspense boundary and
 * handles its own failure. The grid is the one `section[data-tenant-id]` of the page.
 */
export function TenantDashboard({ tenant, role, requestId }: { tenant: PublicTenant; role: Role; requestId: string }) {
  const { tenantId } = tenant;
  const source: DashboardSource = { genesys: getGenesysRuntime(), tenantId, requestId };
  const organization = settle(() => loadCachedOrganization(source), sectionOf('organization', source));
  return (
    <section className="panel-grid" data-tenant-id={tenantId} aria-label={`${tenant.displayName} dashboard`}>
      <Streamed tenantId={tenantId} spec={SECTIONS.organization}>
        <OrganizationSection tenantId={tenantId} organization={organization} />
      </Streamed>
      {can(role, 'users.view') ? (
        <Streamed tenantId={tenantId} spec={SECTIONS.users}>
          <UsersSection source={source} />
        </Streamed>
      ) : (
        <RestrictedSection
          tenantId={tenantId}
          spec={SECTIONS.users}
          note="User counts are visible to roles that can view users."
        />
      )}
      <UsageSection tenantId={tenantId} />
      <Streamed tenantId={tenantId} spec={SECTIONS.activity}>
        <ActivitySection source={source} />
      </Streamed>
      <Streamed tenantId={tenantId} spec={SECTIONS.features}>
        <FeaturesSection tenantId={tenantId} organization={organization} />
      </Streamed>
      <Streamed tenantId={tenantId} spec={SECTIONS.directory}>
        <DirectorySection source={source} />
      </Streamed>
      <Streamed tenantId={tenantId} spec={SECTIONS.clients}>
        <ClientsSection source={source} />
      </Streamed>
      {can(role, 'credentials.view') ? (
        <Streamed tenantId={tenantId} spec={SECTIONS.health}>
          <HealthSection source={source} after={organization} />
        </Streamed>
      ) : (
        <RestrictedSection
          tenantId={tenantId}
          spec={SECTIONS.health}
          note="Credential health is visible to administrators."
        />
      )}
      {can(role, 'audit.view') ? (
        <Streamed tenantId={tenantId} spec={SECTIONS.audit}>
          <AuditSection tenantId={tenantId} requestId={requestId} />
        </Streamed>
      ) : (
        <RestrictedSection
          tenantId={tenantId}
          spec={SECTIONS.audit}
          note="Audit entries are visible to auditors and administrators."
        />
      )}
    </section>
  );
}
