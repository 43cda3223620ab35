import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'audit.view' gets a real 403 before anything streams.
export default async function AuditLayout({ children }: { children: ReactNode }) {
  await requireCapability('audit.view', '/audit');
  return children;
}
