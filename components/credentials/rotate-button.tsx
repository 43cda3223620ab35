'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import type { RotateActionState } from '@/lib/credentials/types';
import styles from './credentials.module.css';
import { describeRotation } from './rotation-message';

export type RotateAction = (previous: RotateActionState, form: FormData) => Promise<RotateActionState>;

interface Props {
  tenantId: string;
  displayName: string;
  /** A production tenant asks for confirmation first: its traffic waits for the new token. */
  production: boolean;
  action: RotateAction;
}

const IDLE: RotateActionState = { status: 'idle' };

export function RotateButton({ tenantId, displayName, production, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the dialog: onto Cancel (the safe choice) when it opens, back when it closes.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  // Only this tenant's answer is shown (each row has its own form and state).
  const message = state.status !== 'idle' && state.tenantId === tenantId ? describeRotation(state) : null;

  return (
    <form action={formAction} onSubmit={() => setConfirming(false)} className={styles.rotate}>
      <input type="hidden" name="tenantId" value={tenantId} />
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-text`}
          className={styles.confirm}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <strong id={`${id}-title`}>Rotate the credentials of {displayName}?</strong>
          <p id={`${id}-text`}>
            This is a production tenant. Its credentials are re-read and its token is evicted; requests wait for a new
            token.
          </p>
          <button type="submit">Rotate production credentials</button>{' '}
          <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          ref={openRef}
          type={production ? 'button' : 'submit'}
          // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
          aria-disabled={pending}
          aria-busy={pending}
          onClick={(event) => {
            if (pending) event.preventDefault();
            else if (production) setConfirming(true);
          }}
        >
          {pending ? 'Rotating…' : 'Rotate now'}
        </button>
      )}
      <div aria-live="polite" className={styles.result}>
        {message && !pending ? (
          <>
            <StatusBadge tone={message.tone}>{message.title}</StatusBadge>
            {message.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p className="muted">
              Request id: <code>{message.requestId}</code>
            </p>
          </>
        ) : null}
      </div>
    </form>
  );
}
