import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'tenant.view' gets a real 403 before anything streams.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireCapability('tenant.view', '/dashboard');
  return children;
}
