'use client';

import type { ReactNode } from 'react';
import { ChangeReview, type ReviewTenant } from './change-review';
import { ConflictPanel } from './conflict-panel';
import { SaveStatus } from './save-status';
import type { useSectionForm } from './use-section-form';
import styles from './org-settings.module.css';

type Form = ReturnType<typeof useSectionForm<unknown, string, unknown>>;

/**
 * The parts every section shares around its fields: the error summary, the buttons, the review
 * dialog, the conflict view and the result. `noValidate`: the shared schema validates, so the
 * messages are the same in the browser and from the server.
 */
export function SectionForm({
  form,
  label,
  reviewTitle,
  tenant,
  children,
}: {
  form: Omit<Form, 'data' | 'draft' | 'setField'>;
  label: string;
  reviewTitle: string;
  tenant: ReviewTenant;
  children: ReactNode;
}) {
  const errorCount = Object.keys(form.errors).length;
  return (
    <>
      <form
        noValidate
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          form.submit();
        }}
      >
        <fieldset className={styles.fields} disabled={form.saving || form.review !== null || form.conflict !== null}>
          <legend className="sr-only">{label}</legend>
          {children}
        </fieldset>
        <ErrorSummary count={errorCount} />
        <div className={styles.actions}>
          <button type="submit" aria-disabled={form.saving || undefined} aria-busy={form.saving || undefined}>
            {form.saving ? 'Saving…' : 'Review changes'}
          </button>
          {form.dirty && !form.saving ? (
            <button type="button" onClick={form.discard}>
              Discard changes
            </button>
          ) : null}
          {form.dirty ? <span className="muted">Unsaved changes</span> : null}
        </div>
      </form>
      {form.conflict ? (
        <ConflictPanel
          rows={form.conflict.rows}
          untouched={form.conflict.untouched}
          onReapply={form.reapplyMine}
          onTakeTheirs={form.takeTheirs}
        />
      ) : null}
      <SaveStatus outcome={form.outcome} onRetry={form.outcome?.kind === 'failed' ? form.submit : undefined} />
      <ChangeReview
        changes={form.review?.changes ?? null}
        note={form.review?.note}
        title={reviewTitle}
        tenant={tenant}
        onConfirm={() => void form.confirm()}
        onCancel={form.cancelReview}
      />
    </>
  );
}

function ErrorSummary({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className={styles.error} role="alert">
      {count === 1 ? '1 field needs' : `${count} fields need`} a correction; the message is next to it.
    </p>
  );
}
