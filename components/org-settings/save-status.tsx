'use client';

import { useEffect, useRef } from 'react';
import type { ApiFailure } from '@/components/portal/api-fetch';
import { ErrorPanel } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import styles from './org-settings.module.css';

export type Outcome =
  | { kind: 'saved'; message: string; requestId: string }
  | { kind: 'info'; message: string }
  /** `partial`: some of several requests went through (features); the message says which. */
  | { kind: 'failed'; failure: ApiFailure; partial?: boolean };

/**
 * The result of the last save; the ErrorPanel says what to grant (403) and how long to wait
 * (429). Focus lands on it once it is known, so a screen reader reads it and a keyboard user
 * continues from there.
 */
export function SaveStatus({ outcome, onRetry }: { outcome: Outcome | null; onRetry?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  return (
    <div ref={ref} tabIndex={-1} className={styles.status} aria-live="polite">
      {outcome?.kind === 'saved' ? (
        <p role="status">
          <StatusBadge tone="ok">Saved</StatusBadge> {outcome.message}{' '}
          <span className="muted">
            Request id: <code>{outcome.requestId}</code>
          </span>
        </p>
      ) : null}
      {outcome?.kind === 'info' ? <p role="status">{outcome.message}</p> : null}
      {outcome?.kind === 'failed' ? (
        <ErrorPanel
          title={outcome.partial ? 'Partly saved' : 'Not saved'}
          message={outcome.partial ? outcome.failure.message : `${outcome.failure.message} Nothing was changed.`}
          code={outcome.failure.code}
          requestId={outcome.failure.requestId}
          missingPermissions={outcome.failure.missingPermissions}
          retryAfterSeconds={outcome.failure.retryAfterSeconds}
          onRetry={onRetry}
        />
      ) : null}
    </div>
  );
}
