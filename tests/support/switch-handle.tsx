/**
 * Starts a tenant switch from outside a component under test, as the tenant switcher would:
 * render <SwitchHandle /> inside ActiveTenantProvider, then call switchTo(tenantId).
 */
import { useEffect } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';

let begin: (tenantId: string) => void = () => {};

export function SwitchHandle() {
  const { beginSwitch } = useActiveTenant();
  useEffect(() => {
    begin = beginSwitch;
  }, [beginSwitch]);
  return null;
}

export const switchTo = (tenantId: string) => begin(tenantId);
