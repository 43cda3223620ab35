'use client';

import { useMemo, useState } from 'react';
import { diffEntries, summarizeDiff, type DiffKind, type DiffSummary } from './diff-entries';
import { DiffValue } from './diff-value';
import styles from './audit.module.css';

const KIND_LABELS: Record<DiffKind, string> = {
  changed: 'changed',
  added: 'added',
  removed: 'removed',
  unchanged: 'unchanged',
};

function describe(summary: DiffSummary): string {
  const parts = (['changed', 'added', 'removed'] as const)
    .filter((kind) => summary[kind] > 0)
    .map((kind) => `${summary[kind]} ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'No field changed';
}

/** Field-level before → after of one entry; unchanged fields stay hidden until asked for. */
export function EntryDiff({ before, after, label }: { before: unknown; after: unknown; label: string }) {
  const lines = useMemo(() => diffEntries(before, after), [before, after]);
  const summary = summarizeDiff(lines);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const shown = showUnchanged ? lines : lines.filter((line) => line.kind !== 'unchanged');
  return (
    <div className={styles.diff}>
      <p className={styles.diffSummary}>
        {describe(summary)}
        {summary.unchanged > 0 ? (
          // A toggle keeps one label and says its state through aria-pressed alone: flipping the
          // label too would read "Hide unchanged fields, pressed" while they are shown.
          <button type="button" aria-pressed={showUnchanged} onClick={() => setShowUnchanged(!showUnchanged)}>
            Show unchanged fields
          </button>
        ) : null}
      </p>
      {shown.length > 0 ? (
        <table className="data">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Change</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line.path} className={styles[line.kind]}>
                <th scope="row">
                  <code>{line.path || '(value)'}</code>
                </th>
                <td>{KIND_LABELS[line.kind]}</td>
                <td>
                  <DiffValue value={line.before} absent={line.kind === 'added'} />
                </td>
                <td>
                  <DiffValue value={line.after} absent={line.kind === 'removed'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
