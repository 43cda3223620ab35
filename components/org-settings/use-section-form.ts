'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type ConflictRow, conflictRows, reapply } from '@/lib/org-settings/conflict';
import type { FieldChange } from '@/lib/org-settings/diff';
import { type FieldSpec, type FormValue, type FormValues, changedKeys, fieldId } from '@/lib/org-settings/fields';
import { type FieldErrors, upstreamField } from '@/lib/org-settings/issues';
import type { Plan } from '@/lib/org-settings/organization';
import type { Outcome } from './save-status';
import { INTERRUPTED, type SaveIo, useSave } from './use-save';

export interface SectionConfig<D, K extends string, B> {
  /** Prefix of the inputs' ids. */
  form: string;
  specs: readonly FieldSpec<K>[];
  toValues: (data: D) => FormValues<K>;
  plan: (data: D, base: FormValues<K>, draft: FormValues<K>) => Plan<B>;
  method: 'PUT' | 'PATCH';
  savedMessage: (saved: D, count: number) => string;
  /** The 409 body's `current`, checked: the state to compare with, without another read. */
  parseCurrent: (value: unknown) => D | undefined;
  /** A 409 in which no field of the form was changed by anyone else: what happened, plainly. */
  untouchedConflict: string;
}

export interface Review {
  changes: FieldChange[];
  body: unknown;
  note?: string;
}

export interface Conflict<D> {
  theirs: D;
  rows: ConflictRow[];
  /** Set when none of the rows was changed by them (only the version moved on). */
  untouched?: string;
}

const BOTH_CHANGED = 'Someone else changed this too';

/**
 * One settings section as a small state machine: editing → review (the diff) → saving →
 * saved | failed | conflict. The draft is only ever compared with `data`, the state the edit
 * started from (its version included), so a save sends exactly the fields the user changed and
 * a 409 can show, field by field, their value beside the user's.
 */
export function useSectionForm<D, K extends string, B>(
  config: SectionConfig<D, K, B>,
  { tenantId, url, initial }: { tenantId: string; url: string; initial: D },
) {
  const router = useRouter();
  const { run, saving } = useSave(tenantId);
  const [data, setData] = useState(initial);
  const [draft, setDraft] = useState(() => config.toValues(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [review, setReview] = useState<Review | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<Conflict<D> | null>(null);
  const base = config.toValues(data);
  const dirty = changedKeys(config.specs, base, draft).length > 0;

  // Fresh server data (router.refresh() after a save): taken as the new starting point unless
  // the user is mid-edit; then their edit keeps its version and a save meets the 409 path.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    if (!dirty && !review && !conflict && !saving) {
      setData(initial);
      setDraft(config.toValues(initial));
    }
  }

  function focusFirstInvalid(found: FieldErrors) {
    const first = config.specs.find((spec) => found[spec.key] !== undefined);
    if (first) document.getElementById(fieldId(config.form, first.key))?.focus();
  }

  function setField(key: K, value: FormValue) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (errors[key] === undefined) return;
    // A field showing an error is re-checked as the user types, so the message goes once fixed.
    const plan = config.plan(data, base, next);
    const message = plan.ok ? undefined : plan.errors[key];
    setErrors(({ [key]: _dropped, ...rest }) => (message ? { ...rest, [key]: message } : rest));
  }

  function openReview(from: D, fromValues: FormValues<K>, values: FormValues<K>, marked = new Set<string>()) {
    const plan = config.plan(from, fromValues, values);
    if (!plan.ok) {
      setErrors(plan.errors);
      setOutcome(null);
      focusFirstInvalid(plan.errors);
      return;
    }
    setErrors({});
    if (plan.changes.length === 0) {
      setOutcome({ kind: 'info', message: 'Nothing to save: no field differs from Genesys Cloud.' });
      return;
    }
    setOutcome(null);
    const changes = plan.changes.map((change) => (marked.has(change.key) ? { ...change, note: BOTH_CHANGED } : change));
    setReview({ changes, body: plan.body, note: marked.size > 0 ? 'Re-applied onto their version.' : undefined });
  }

  function submit() {
    if (saving || review || conflict) return;
    openReview(data, base, draft);
  }

  async function confirm() {
    if (!review) return;
    const { body, changes } = review;
    setReview(null);
    const result = await run(async (io: SaveIo) => {
      const written = await io.write<D>(url, config.method, body);
      if (written.ok || written.error.code !== 'conflict') return { written };
      // The 409 carries the current state; re-read only when it does not (or not in a known shape).
      const sent = config.parseCurrent(written.error.details?.current);
      return { written, current: sent ? { ok: true as const, data: sent } : await io.read<D>(url) };
    });
    if (result === 'busy') return;
    if (result === 'aborted') return setOutcome({ kind: 'info', message: INTERRUPTED });
    const { written, current } = result;
    if (written.ok) {
      setData(written.data);
      setDraft(config.toValues(written.data));
      setOutcome({
        kind: 'saved',
        message: config.savedMessage(written.data, changes.length),
        requestId: written.requestId,
      });
      router.refresh();
      return;
    }
    if (current?.ok) {
      const theirs = config.toValues(current.data);
      const rows = conflictRows(config.specs, base, theirs, draft);
      const untouched = rows.some((row) => row.changedByThem) ? undefined : config.untouchedConflict;
      setConflict({ theirs: current.data, rows, untouched });
      return;
    }
    const failure =
      current && !current.ok
        ? {
            ...current.error,
            message: `Someone changed this meanwhile; their version could not be loaded: ${current.error.message}`,
          }
        : written.error;
    const field = upstreamField(failure.message);
    const spec = config.specs.find((s) => field !== undefined && (s.key === field || field.endsWith(`.${s.key}`)));
    if (spec) setErrors({ [spec.key]: failure.message });
    setOutcome({ kind: 'failed', failure });
  }

  function reapplyMine() {
    if (!conflict) return;
    const theirs = config.toValues(conflict.theirs);
    const next = reapply(config.specs, base, theirs, draft);
    const both = new Set(conflict.rows.filter((row) => row.changedByMe && row.changedByThem).map((row) => row.key));
    setConflict(null);
    setData(conflict.theirs);
    setDraft(next);
    openReview(conflict.theirs, theirs, next, both);
  }

  function takeTheirs() {
    if (!conflict) return;
    setConflict(null);
    setData(conflict.theirs);
    setDraft(config.toValues(conflict.theirs));
    setErrors({});
    setOutcome({ kind: 'info', message: 'Their version is loaded; your changes were discarded.' });
  }

  function discard() {
    setDraft(base);
    setErrors({});
    setOutcome(null);
  }

  return {
    data,
    draft,
    errors,
    review,
    outcome,
    conflict,
    saving,
    dirty,
    setField,
    submit,
    confirm,
    cancelReview: () => setReview(null),
    reapplyMine,
    takeTheirs,
    discard,
  };
}
