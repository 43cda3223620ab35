import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { OrgSettingsEditor } from '@/components/org-settings/org-settings-editor';
import { TenantChooser } from '@/components/portal/tenant-chooser';
import { TenantScope } from '@/components/portal/tenant-scope';
import { EmptyState } from '@/components/ui/empty-state';
import { settle } from '@/lib/dashboard/settle';
import { getAuthSettings, getOrganization } from '@/lib/genesys';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';
import { isProduction } from '@/lib/tenant-color';
import { getGenesysRuntime, toPublicTenant } from '@/lib/tenants';
import { switchTenantAction } from '../actions';

export const metadata: Metadata = { title: 'Organization settings' };

/**
 * The active tenant's organization, features and authentication settings, read fresh from
 * Genesys on every render (no cache: the editor must start from the current version). The
 * capability is checked here too, next to the data, not only in the layout.
 */
export default async function SettingsPage() {
  const { user, activeTenantId } = await requireCapability('org.edit', '/settings');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;

  if (!active) {
    return (
      <TenantScope tenantId={null}>
        <main className="page" data-tenant-id="">
          <header className="page-header">
            <h1>Organization settings</h1>
          </header>
          <EmptyState title="Choose a tenant to edit.">
            Settings are edited for one tenant at a time: the active one in the banner.
          </EmptyState>
          <TenantChooser tenants={granted.map(toPublicTenant)} activeTenantId={null} action={switchTenantAction} />
        </main>
      </TenantScope>
    );
  }

  const { tenantId } = active;
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  const genesys = getGenesysRuntime();
  const context = (section: string) => ({ section, tenantId, requestId });
  const [organization, authSettings] = await Promise.all([
    settle(
      async () => getOrganization(genesys.client, await genesys.connectionFor(tenantId), { requestId }),
      context('settings.organization'),
    ),
    settle(
      async () => getAuthSettings(genesys.client, await genesys.connectionFor(tenantId), { requestId }),
      context('settings.authentication'),
    ),
  ]);
  const production = isProduction(active.environment);

  return (
    <TenantScope tenantId={tenantId}>
      <main className="page" data-tenant-id={tenantId}>
        <header className="page-header">
          <h1>Organization settings</h1>
          <p>
            {active.displayName} · {active.region}{' '}
            <span className={production ? 'tag production' : 'tag'}>{active.environment}</span>
          </p>
        </header>
        <OrgSettingsEditor
          tenantId={tenantId}
          tenant={{ displayName: active.displayName, production }}
          organization={organization}
          authSettings={authSettings}
        />
      </main>
    </TenantScope>
  );
}
