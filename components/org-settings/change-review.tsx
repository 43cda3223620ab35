'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { FieldChange } from '@/lib/org-settings/diff';
import { DiffList } from './diff-list';
import styles from './org-settings.module.css';

export interface ReviewTenant {
  displayName: string;
  production: boolean;
}

interface Props {
  /** Open while not null. */
  changes: readonly FieldChange[] | null;
  title: string;
  tenant: ReviewTenant;
  note?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The confirm step of every save: a modal dialog with the diff. On a production tenant the
 * save button stays disabled until the tenant's name is typed exactly. Focus goes to the name
 * field (production) or the dialog title; Escape and Cancel return it to the form (onCancel).
 */
export function ChangeReview({ changes, title, tenant, note, onConfirm, onCancel }: Props) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const open = changes !== null;
  // What the close handler compares with: the latest `open`, kept outside render.
  const openRef = useRef(open);

  useEffect(() => {
    openRef.current = open;
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTyped('');
      dialog.showModal();
      (tenant.production ? nameRef.current : titleRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, tenant.production]);

  const confirmed = !tenant.production || typed === tenant.displayName;
  const count = changes?.length ?? 0;

  return (
    <dialog
      ref={dialogRef}
      className={styles.review}
      aria-labelledby={`${id}-title`}
      // Escape closes the dialog natively: tell the form, unless it closed it itself.
      onClose={() => {
        if (openRef.current) onCancel();
      }}
    >
      {changes ? (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmed) onConfirm();
          }}
        >
          <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
            {title}
          </h2>
          <p>
            {count} change{count === 1 ? '' : 's'} to <strong>{tenant.displayName}</strong>. Nothing else is sent.
          </p>
          {note ? <p className="notice">{note}</p> : null}
          <DiffList changes={changes} caption={title} />
          {tenant.production ? (
            <div className={styles.field}>
              <label htmlFor={`${id}-confirm`}>
                This is a production tenant. Type <strong>{tenant.displayName}</strong> to confirm.
              </label>
              <input
                id={`${id}-confirm`}
                ref={nameRef}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </div>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" disabled={!confirmed}>
              Save {count} change{count === 1 ? '' : 's'}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
