'use client';

import { PageError } from '@/components/ui/page-error';

export default function OverviewError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="All tenants" {...props} />;
}
