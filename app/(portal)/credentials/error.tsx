'use client';

import { PageError } from '@/components/ui/page-error';

export default function CredentialsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Credentials & health" {...props} />;
}
