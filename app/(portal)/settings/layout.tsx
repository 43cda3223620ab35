import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'org.edit' gets a real 403 before anything streams.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireCapability('org.edit', '/settings');
  return children;
}
