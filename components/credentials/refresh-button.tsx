'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Re-renders the page on the server (fresh health, token times, breaker) without a reload. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-disabled={pending}
      aria-busy={pending}
      onClick={() => {
        if (!pending) startTransition(() => router.refresh());
      }}
    >
      {pending ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}
