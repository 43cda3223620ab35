import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Above this segment's loading.tsx, so a role without 'users.view' gets a real 403 before anything streams.
export default async function UsersLayout({ children }: { children: ReactNode }) {
  await requireCapability('users.view', '/users');
  return children;
}
