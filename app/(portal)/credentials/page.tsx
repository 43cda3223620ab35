import type { Metadata } from 'next';
import { CredentialsHeader } from '@/components/credentials/credentials-header';
import { CredentialsList } from '@/components/credentials/credentials-list';
import { SourcePanel } from '@/components/credentials/source-panel';
import { EmptyState } from '@/components/ui/empty-state';
import { can } from '@/lib/auth/capabilities';
import { loadCredentialsOverview } from '@/lib/credentials/load';
import { requireCapability } from '@/lib/session/server';
import { rotateCredentialsAction } from './actions';

export const metadata: Metadata = { title: 'Credentials & health' };

export default async function CredentialsPage() {
  const { user } = await requireCapability('credentials.view', '/credentials');
  const { overview, tenantListError } = await loadCredentialsOverview(user);
  const source = { kind: overview.source.kind, label: overview.source.label };
  return (
    <main className="page">
      <CredentialsHeader now={overview.now} />
      {tenantListError ? (
        <p className="notice error" role="alert">
          {tenantListError}
        </p>
      ) : null}
      <div className="panel-grid">
        <SourcePanel source={overview.source} now={overview.now} />
      </div>
      {overview.tenants.length === 0 ? (
        <EmptyState title="No tenants to show">
          {tenantListError ? 'The tenant list could not be loaded.' : 'No tenant is configured or granted to you.'}
        </EmptyState>
      ) : (
        <CredentialsList
          tenants={overview.tenants}
          source={source}
          now={overview.now}
          rotateAction={can(user.role, 'credentials.rotate') ? rotateCredentialsAction : undefined}
        />
      )}
    </main>
  );
}
