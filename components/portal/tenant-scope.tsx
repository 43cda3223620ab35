'use client';

import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useActiveTenant } from './active-tenant';

/**
 * Wraps a single-tenant page. The page was rendered for `tenantId`; if the banner (the layout,
 * which a client navigation does not re-render) names another tenant, the page is not shown:
 * the tree is refreshed from the server instead, so banner and content always agree.
 */
export function TenantScope({ tenantId, children }: { tenantId: string | null; children: ReactNode }) {
  const { activeTenantId } = useActiveTenant();
  const router = useRouter();
  const stale = tenantId !== activeTenantId;
  useEffect(() => {
    if (stale) router.refresh();
  }, [stale, router]);
  if (!stale) return children;
  return (
    <main className="page" aria-busy="true">
      <p className="notice" role="status">
        The active tenant changed in another tab. Loading it…
      </p>
    </main>
  );
}
