'use client';

import { PageError } from '@/components/ui/page-error';

export default function AuditError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Audit log" {...props} />;
}
