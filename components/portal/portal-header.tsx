import type { CSSProperties } from 'react';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { EnvironmentTag } from '@/components/tenants/environment-tag';

interface Props {
  user: { name: string; email: string; role: string };
  activeTenant: PublicTenant | null;
  logoutAction: () => Promise<void>;
}

/** The tenant on screen is never in doubt: its name, region and environment on its own colour. */
export function PortalHeader({ user, activeTenant, logoutAction }: Props) {
  const style = activeTenant?.color ? ({ '--tenant-color': activeTenant.color } as CSSProperties) : undefined;
  return (
    <header className="portal-header" style={style} data-active-tenant={activeTenant?.tenantId ?? ''}>
      <div className="portal-tenant" aria-live="polite">
        {activeTenant ? (
          <>
            <strong>{activeTenant.displayName}</strong> <span>{activeTenant.region}</span>{' '}
            <EnvironmentTag environment={activeTenant.environment} />
          </>
        ) : (
          <span>No tenant selected</span>
        )}
      </div>
      <div className="portal-user">
        <span>
          {user.name} <span className="tag">{user.role}</span>
        </span>
        <form action={logoutAction}>
          <button type="submit">Sign out</button>
        </form>
      </div>
    </header>
  );
}
