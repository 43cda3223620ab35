import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'credentials.view' gets a real 403 before anything streams.
export default async function CredentialsLayout({ children }: { children: ReactNode }) {
  await requireCapability('credentials.view', '/credentials');
  return children;
}
