import type { PublicTenant } from '@/lib/tenants/tenant-schema';

type Summary =
  | { ok: true; org: { name: string; id: string; domain: string | null; state: string | null; version: number } }
  | { ok: false; message: string };

export function OrganizationSummary({ tenant, summary }: { tenant: PublicTenant; summary: Summary }) {
  return (
    <section className="tenant-card" aria-labelledby="org-title" data-tenant-id={tenant.tenantId}>
      <h2 id="org-title">{tenant.displayName}</h2>
      {summary.ok ? (
        <dl>
          <dt>Organization</dt>
          <dd>{summary.org.name}</dd>
          <dt>Org id</dt>
          <dd>
            <code>{summary.org.id}</code>
          </dd>
          <dt>Domain</dt>
          <dd>{summary.org.domain ?? '—'}</dd>
          <dt>State</dt>
          <dd>{summary.org.state ?? '—'}</dd>
          <dt>Version</dt>
          <dd>{summary.org.version}</dd>
        </dl>
      ) : (
        <p className="notice error" role="alert">
          {summary.message}
        </p>
      )}
    </section>
  );
}
