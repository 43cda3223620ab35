import type { CSSProperties } from 'react';
import { EnvironmentTag } from '@/components/tenants/environment-tag';
import { TenantSwitcher } from '@/components/tenant-switcher/tenant-switcher';
import { isProduction, readableTextOn, tenantColor } from '@/lib/tenant-color';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';

interface Props {
  user: { id: string; name: string; email: string; role: string };
  activeTenant: PublicTenant | null;
  tenants: PublicTenant[];
  nav: { href: string; label: string }[];
  switchAction: (form: FormData) => Promise<void>;
  logoutAction: () => Promise<void>;
}

/** The tenant on screen is never in doubt: its name, region and environment on its own colour. */
export function PortalHeader({ user, activeTenant, tenants, nav, switchAction, logoutAction }: Props) {
  const color = activeTenant ? tenantColor(activeTenant) : undefined;
  const style = color ? ({ '--tenant-color': color, color: readableTextOn(color) } as CSSProperties) : undefined;
  const production = activeTenant ? isProduction(activeTenant.environment) : false;
  return (
    <header className="portal-header" data-active-tenant={activeTenant?.tenantId ?? ''}>
      <div className={production ? 'tenant-banner production' : 'tenant-banner'} style={style}>
        <div className="portal-tenant" aria-live="polite" data-testid="active-tenant">
          {activeTenant ? (
            <>
              {production ? <span className="prod-flag">Production</span> : null}
              <strong>{activeTenant.displayName}</strong>
              <span className="banner-meta">
                {activeTenant.tenantId} · {activeTenant.region}
              </span>
              <EnvironmentTag environment={activeTenant.environment} />
            </>
          ) : (
            <span>No tenant selected</span>
          )}
        </div>
        <TenantSwitcher
          tenants={tenants}
          activeTenantId={activeTenant?.tenantId ?? null}
          action={switchAction}
          userId={user.id}
        />
      </div>
      <nav className="portal-nav" aria-label="Portal">
        <NavLinks items={nav} />
        <div className="portal-user">
          <ThemeToggle />
          <details className="user-menu">
            <summary>
              {user.name} <span className="tag">{user.role}</span>
            </summary>
            <div className="user-menu-body">
              <p>
                {user.name}
                <br />
                <span className="muted">{user.email}</span>
                <br />
                Role: {user.role}
              </p>
              <form action={logoutAction}>
                <button type="submit">Sign out</button>
              </form>
            </div>
          </details>
        </div>
      </nav>
    </header>
  );
}
