'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

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
  // One controller per (tenant, cancelled switch): a new one on every change of either.
  const [scope, setScope] = useState(() => ({ tenantId: activeTenantId, controller: new AbortController() }));
  if (scope.tenantId !== activeTenantId) {
    // Adjusting state while rendering: the new tenant's first render already has a live signal
    // and no leftover "Switching to …" from an earlier switch.
    setScope({ tenantId: activeTenantId, controller: new AbortController() });
    setSwitching(null);
  }
  const { controller } = scope;
  // Abort the controller this one replaced. Not in an effect cleanup: Strict Mode (dev) runs
  // cleanups on mount too, which would leave the page with an aborted signal. A child's fetch is
  // still cancelled on unmount by the child itself.
  const replaced = useRef<AbortController | null>(null);
  useEffect(() => {
    if (replaced.current !== controller) replaced.current?.abort(new DOMException('tenant changed', 'AbortError'));
    replaced.current = controller;
  }, [controller]);

  const switchingTo = switching && switching.from === activeTenantId ? switching.to : null;
  const signal = useCallback(() => controller.signal, [controller]);
  const value = useMemo<ActiveTenant>(
    () => ({
      activeTenantId,
      switchingTo,
      beginSwitch: (tenantId) => {
        // The controller stays aborted until the new tenant renders (or the switch is cancelled),
        // so nothing is fetched for the old tenant while the switch runs.
        controller.abort(new DOMException('tenant switch started', 'AbortError'));
        setSwitching({ from: activeTenantId, to: tenantId });
      },
      cancelSwitch: () => {
        setSwitching(null);
        setScope({ tenantId: activeTenantId, controller: new AbortController() });
      },
      signal,
    }),
    [activeTenantId, switchingTo, controller, signal],
  );
  return <ActiveTenantContext.Provider value={value}>{children}</ActiveTenantContext.Provider>;
}

export function useActiveTenant(): ActiveTenant {
  const value = useContext(ActiveTenantContext);
  if (!value) throw new Error('useActiveTenant needs an <ActiveTenantProvider> above it');
  return value;
}
