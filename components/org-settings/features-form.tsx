'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FieldChange } from '@/lib/org-settings/diff';
import { type FeatureUpdate, planFeatureUpdates, toFeatureRows } from '@/lib/org-settings/features';
import { fieldId } from '@/lib/org-settings/fields';
import { ChangeReview, type ReviewTenant } from './change-review';
import { type Outcome, SaveStatus } from './save-status';
import { INTERRUPTED, useSave } from './use-save';
import styles from './org-settings.module.css';

type Features = Record<string, boolean>;

/**
 * Features are switched one PATCH per feature (Genesys has no batch call). A review may hold
 * several: they are sent one after another and the first failure stops the rest, so the
 * result names exactly which were saved and which were not.
 */
export function FeaturesForm({
  tenantId,
  tenant,
  features,
}: {
  tenantId: string;
  tenant: ReviewTenant;
  features: Features;
}) {
  const router = useRouter();
  const { run, saving } = useSave(tenantId);
  const [saved, setSaved] = useState(features);
  const [draft, setDraft] = useState(features);
  const [review, setReview] = useState<{ updates: FeatureUpdate[]; changes: FieldChange[] } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const rows = toFeatureRows(saved);
  const pending = planFeatureUpdates(rows, draft);
  const dirty = pending.updates.length > 0;

  const [seen, setSeen] = useState(features);
  if (seen !== features) {
    setSeen(features);
    if (!dirty && !review && !saving) {
      setSaved(features);
      setDraft(features);
    }
  }

  function submit() {
    if (saving || review) return;
    if (!dirty) return setOutcome({ kind: 'info', message: 'Nothing to save: no feature differs from Genesys Cloud.' });
    setOutcome(null);
    setReview(pending);
  }

  async function confirm() {
    if (!review) return;
    const { updates } = review;
    setReview(null);
    const done: string[] = [];
    const result = await run(async (io) => {
      let latest: Features | undefined;
      let requestId = '';
      for (const update of updates) {
        const url = `/api/tenants/${encodeURIComponent(tenantId)}/features/${update.name}`;
        const answer = await io.write<Features>(url, 'PATCH', { enabled: update.enabled });
        if (!answer.ok) return { latest, requestId, failure: answer.error, failedAt: update.name };
        latest = answer.data;
        requestId = answer.requestId;
        done.push(update.name);
      }
      return { latest, requestId };
    });
    if (result === 'busy') return;
    if (result === 'aborted') return setOutcome({ kind: 'info', message: INTERRUPTED });
    if (result.latest) {
      const latest = result.latest;
      setSaved(latest);
      // Saved switches take Genesys' answer; the ones not sent keep the user's choice.
      setDraft((current) => ({ ...current, ...Object.fromEntries(done.map((name) => [name, latest[name] === true])) }));
      router.refresh();
    }
    if ('failure' in result && result.failure) {
      const notSent = updates.slice(done.length).map((u) => u.name);
      const prefix = done.length > 0 ? `Saved: ${done.join(', ')}. Not saved: ${notSent.join(', ')}. ` : '';
      return setOutcome({
        kind: 'failed',
        partial: done.length > 0,
        failure: { ...result.failure, message: `${prefix}${result.failure.message}` },
      });
    }
    setOutcome({ kind: 'saved', message: `Features saved: ${done.join(', ')}.`, requestId: result.requestId });
  }

  return (
    <>
      <form
        noValidate
        aria-label="Features"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className={styles.features} disabled={saving || review !== null}>
          <legend className="sr-only">Features</legend>
          {rows.map((row) => {
            const id = fieldId('feature', row.name);
            return (
              <div key={row.name} className={styles.check}>
                <input
                  id={id}
                  type="checkbox"
                  checked={draft[row.name] === true}
                  disabled={!row.writable}
                  aria-describedby={row.writable ? undefined : `${id}-ro`}
                  onChange={(event) => setDraft((current) => ({ ...current, [row.name]: event.target.checked }))}
                />
                <label htmlFor={id}>{row.name}</label>
                {row.writable ? null : (
                  <span id={`${id}-ro`} className="muted">
                    read-only (not a documented feature name)
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
        <div className={styles.actions}>
          <button type="submit" aria-disabled={saving || undefined} aria-busy={saving || undefined}>
            {saving ? 'Saving…' : 'Review changes'}
          </button>
          {dirty && !saving ? (
            <button type="button" onClick={() => setDraft(saved)}>
              Discard changes
            </button>
          ) : null}
          {dirty ? <span className="muted">Unsaved changes</span> : null}
        </div>
      </form>
      <SaveStatus outcome={outcome} onRetry={outcome?.kind === 'failed' ? submit : undefined} />
      <ChangeReview
        changes={review?.changes ?? null}
        title="Review feature changes"
        note={
          review && review.updates.length > 1
            ? 'Each feature is saved with its own request; if one fails, the ones before it stay saved.'
            : undefined
        }
        tenant={tenant}
        onConfirm={() => void confirm()}
        onCancel={() => setReview(null)}
      />
    </>
  );
}
