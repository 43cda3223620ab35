import type { CSSProperties, ReactNode } from 'react';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { getRegionKey } from '@/lib/genesys/regions';
import { EnvironmentTag } from './environment-tag';

export function TenantCard({ tenant, children }: { tenant: PublicTenant; children?: ReactNode }) {
  const style = tenant.color ? ({ '--tenant-color': tenant.color } as CSSProperties) : undefined;
  const regionKey = getRegionKey(tenant.region);
  return (
    <li className="tenant-card" style={style} data-tenant-id={tenant.tenantId}>
      <h2>{tenant.displayName}</h2>
      <dl>
        <dt>Tenant</dt>
        <dd>
          <code>{tenant.tenantId}</code>
        </dd>
        <dt>Region</dt>
        <dd>
          {tenant.region}
          {regionKey ? ` (${regionKey})` : null}
        </dd>
        <dt>Environment</dt>
        <dd>
          <EnvironmentTag environment={tenant.environment} />
        </dd>
        {tenant.group ? (
          <>
            <dt>Group</dt>
            <dd>{tenant.group}</dd>
          </>
        ) : null}
      </dl>
      {children}
    </li>
  );
}
