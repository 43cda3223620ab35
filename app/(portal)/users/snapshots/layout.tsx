import type { ReactNode } from 'react';
import { requireCapability } from '@/lib/session/server';

// Snapshots copy user data out of Genesys, like an export: users.view (the parent layout) is not enough.
export default async function SnapshotsLayout({ children }: { children: ReactNode }) {
  await requireCapability('users.export', '/users/snapshots');
  return children;
}
