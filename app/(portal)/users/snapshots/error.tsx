'use client';

import { PageError } from '@/components/ui/page-error';

export default function SnapshotsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="User snapshots" {...props} />;
}
