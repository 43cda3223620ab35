'use client';

import { useActionState, useId, useRef } from 'react';
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
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  function confirm() {
    // Modal: the browser keeps focus inside, closes it on Escape and makes the page behind inert.
    dialogRef.current?.showModal();
    // Cancel, the safe choice, rather than the first focusable button (the confirming one).
    cancelRef.current?.focus();
  }

  // Only this tenant's answer is shown (each row has its own form and state).
  const message = state.status !== 'idle' && state.tenantId === tenantId ? describeRotation(state) : null;

  return (
    <form action={formAction} onSubmit={() => dialogRef.current?.close()} className={styles.rotate}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <button
        ref={openRef}
        type={production ? 'button' : 'submit'}
        aria-haspopup={production ? 'dialog' : undefined}
        // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
        aria-disabled={pending}
        aria-busy={pending}
        onClick={(event) => {
          if (pending) event.preventDefault();
          else if (production) confirm();
        }}
      >
        {pending ? 'Rotating…' : 'Rotate now'}
      </button>
      {production ? (
        <dialog
          ref={dialogRef}
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-text`}
          className={styles.confirm}
          // Cancel, Escape and the confirming submit all end here: back to the button that opened it.
          onClose={() => openRef.current?.focus()}
        >
          <strong id={`${id}-title`}>Rotate the credentials of {displayName}?</strong>
          <p id={`${id}-text`}>
            This is a production tenant. Its credentials are re-read and its token is evicted; requests wait for a new
            token.
          </p>
          <button type="submit">Rotate production credentials</button>{' '}
          <button type="button" ref={cancelRef} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
        </dialog>
      ) : null}
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
