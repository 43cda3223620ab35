'use client';

import { useEffect } from 'react';
import { useRequestId } from '@/components/portal/request-id';
import { ErrorPanel } from './error-panel';

/**
 * The body of every segment's error.tsx. In production Next hides a server error's message, so
 * the reference (digest) and the request id are what the user can quote; both are in the logs.
 */
export function PageError({
  title,
  error,
  reset,
}: {
  title: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const requestId = useRequestId();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const reference = error.digest ? ` Reference: ${error.digest}.` : '';
  return (
    <main className="page">
      <h1>{title}</h1>
      <ErrorPanel
        title="This page could not be shown"
        message={`${error.message || 'Something went wrong on the server.'}${reference}`}
        requestId={requestId ?? undefined}
        onRetry={reset}
      />
    </main>
  );
}
