import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { AuditResults } from '@/components/audit/audit-results';
import { ErrorPanel } from '@/components/ui/error-panel';
import { parseAuditFilters } from '@/lib/audit-export/filters';
import { loadAuditView } from '@/lib/audit-export/read-audit-view';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { requireCapability } from '@/lib/session/server';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireCapability('audit.view', '/audit');
  const parsed = parseAuditFilters(await searchParams, { cursor: true, unknown: 'ignore' });
  const tenants = (await listGrantedTenants(user)).map(({ tenantId, displayName }) => ({ tenantId, displayName }));
  // Invalid filters are not searched at all: a half-applied filter would show the wrong entries.
  const view = parsed.ok
    ? await loadAuditView(user, parsed.filters, { before: parsed.before, limit: PAGE_SIZE })
    : null;
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;

  return (
    <main className="page">
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Who did what, to which tenant, with what result. Times are UTC.</p>
      </header>
      <AuditFilterForm tenants={tenants} values={parsed.filters} allTenantsLabel="All entries you may see" />
      {!parsed.ok ? (
        <div className="notice error" role="alert">
          <strong>These filters are not valid, so nothing was searched.</strong>
          <ul>
            {parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view?.status === 'refused' ? (
        <p className="notice error" role="alert">
          {view.message}
        </p>
      ) : null}
      {view?.status === 'unavailable' ? (
        <ErrorPanel title="Could not read the audit log" message={view.message} requestId={requestId} />
      ) : null}
      {view?.status === 'ok' && parsed.ok ? (
        <AuditResults page={view.page} filters={parsed.filters} before={parsed.before} />
      ) : null}
    </main>
  );
}
