'use client';

import { PageError } from '@/components/ui/page-error';

export default function UsersError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Users" {...props} />;
}
