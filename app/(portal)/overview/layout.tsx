import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'tenant.view' gets a real 403 before anything streams.
export default async function OverviewLayout({ children }: { children: ReactNode }) {
  await requireCapability('tenant.view', '/overview');
  return children;
}
