'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useActiveTenant } from './active-tenant';

/**
 * The active tenant is one cookie for the whole browser, but a layout is not re-rendered on a
 * client navigation: after a switch in another tab this tab's banner would be stale. Tabs tell
 * each other the tenant they now show; a tab showing another one refreshes from the server.
 */
export function CrossTabTenantSync() {
  const { activeTenantId } = useActiveTenant();
  const router = useRouter();
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel('portal-active-tenant');
    channel.onmessage = (event: MessageEvent<{ tenantId: string | null }>) => {
      if (event.data.tenantId !== activeTenantId) router.refresh();
    };
    channel.postMessage({ tenantId: activeTenantId });
    return () => channel.close();
  }, [activeTenantId, router]);
  return null;
}
