'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The tenant on screen, as the server rendered it, for client components. Every tenant-scoped
 * client request takes `signal()`: it is aborted the moment a switch starts or the active tenant
 * changes, so nothing fetched for the old tenant can land after the switch.
 */
export interface ActiveTenant {
  activeTenantId: string | null;
  /** The tenant being switched to, while the server action runs. */
  switchingTo: string | null;
  beginSwitch: (tenantId: string) => void;
  /** The switch failed or was abandoned: the old tenant stays active. */
  cancelSwitch: () => void;
  signal: () => AbortSignal;
}

const ActiveTenantContext = createContext<ActiveTenant | null>(null);

export function ActiveTenantProvider({
  activeTenantId,
  children,
}: {
  activeTenantId: string | null;
  children: ReactNode;
}) {
  const [switching, setSwitching] = useState<{ from: string | null; to: string } | null>(null);
  // One controller per (tenant, switch attempt). React runs every effect cleanup before any new
  // effect, so the old controller is aborted before a child's effect picks up the new signal.
  const [scope, setScope] = useState(() => ({ tenantId: activeTenantId, controller: new AbortController() }));
  if (scope.tenantId !== activeTenantId) setScope({ tenantId: activeTenantId, controller: new AbortController() });
  const { controller } = scope;
  useEffect(() => () => controller.abort(new DOMException('tenant changed', 'AbortError')), [controller]);

  // A switch ends when the server renders another active tenant.
  const switchingTo = switching && switching.from === activeTenantId ? switching.to : null;

  const value = useMemo<ActiveTenant>(
    () => ({
      activeTenantId,
      switchingTo,
      beginSwitch: (tenantId) => {
        controller.abort(new DOMException('tenant switch started', 'AbortError'));
        setScope({ tenantId: activeTenantId, controller: new AbortController() });
        setSwitching({ from: activeTenantId, to: tenantId });
      },
      cancelSwitch: () => setSwitching(null),
      signal: () => controller.signal,
    }),
    [activeTenantId, switchingTo, controller],
  );
  return <ActiveTenantContext.Provider value={value}>{children}</ActiveTenantContext.Provider>;
}

export function useActiveTenant(): ActiveTenant {
  const value = useContext(ActiveTenantContext);
  if (!value) throw new Error('useActiveTenant needs an <ActiveTenantProvider> above it');
  return value;
}
