'use client';

import { PageError } from '@/components/ui/page-error';

// Last resort for pages without their own error.tsx (for example the tenant source never answered).
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Something went wrong" {...props} />;
}
