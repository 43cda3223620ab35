import type { Settled } from '@/lib/dashboard/types';
import type { AuthSettings, Organization } from '@/lib/genesys/schemas/organization';
import { ErrorPanel } from '@/components/ui/error-panel';
import { AuthSettingsForm } from './auth-settings-form';
import type { ReviewTenant } from './change-review';
import { FeaturesForm } from './features-form';
import { OrganizationForm } from './organization-form';
import { SettingsSection } from './settings-section';

interface Props {
  tenantId: string;
  tenant: ReviewTenant;
  organization: Settled<Organization>;
  authSettings: Settled<AuthSettings>;
}

function LoadFailure({
  what,
  failure,
}: {
  what: string;
  failure: Extract<Settled<unknown>, { ok: false }>['failure'];
}) {
  return (
    <ErrorPanel
      title={`Could not load the ${what}`}
      message={failure.message}
      code={failure.code}
      requestId={failure.requestId}
      missingPermissions={failure.missingPermissions}
      retryAfterSeconds={failure.retryAfterSeconds}
    />
  );
}

/**
 * Three sections, each saved on its own: the organization (PUT with its version), its features
 * (PATCH per feature) and its authentication settings (PATCH). One that cannot load (e.g. a
 * client without directory:organization:admin cannot read auth settings) does not hide the others.
 */
export function OrgSettingsEditor({ tenantId, tenant, organization, authSettings }: Props) {
  return (
    <div className="panel-grid">
      <SettingsSection
        id="settings-organization"
        tenantId={tenantId}
        title="Organization"
        description="Fields Genesys Cloud lets you write. A save sends only what you changed, with the version you started from."
      >
        {organization.ok ? (
          <OrganizationForm tenantId={tenantId} tenant={tenant} organization={organization.data} />
        ) : (
          <LoadFailure what="organization" failure={organization.failure} />
        )}
      </SettingsSection>
      <SettingsSection
        id="settings-features"
        tenantId={tenantId}
        title="Features"
        description="Each switched feature is saved with its own request."
      >
        {organization.ok ? (
          <FeaturesForm tenantId={tenantId} tenant={tenant} features={organization.data.features ?? {}} />
        ) : (
          <LoadFailure what="features" failure={organization.failure} />
        )}
      </SettingsSection>
      <SettingsSection
        id="settings-authentication"
        tenantId={tenantId}
        title="Authentication"
        description="Multi-factor authentication, allowlists and password requirements."
      >
        {authSettings.ok ? (
          <AuthSettingsForm tenantId={tenantId} tenant={tenant} settings={authSettings.data} />
        ) : (
          <LoadFailure what="authentication settings" failure={authSettings.failure} />
        )}
      </SettingsSection>
    </div>
  );
}
