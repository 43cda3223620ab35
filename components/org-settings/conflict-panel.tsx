'use client';

import { useEffect, useId, useRef } from 'react';
import type { ConflictRow } from '@/lib/org-settings/conflict';
import styles from './org-settings.module.css';

interface Props {
  rows: readonly ConflictRow[];
  /** Nobody else changed any of these fields: only the version moved on. Said instead of "compare". */
  untouched?: string;
  onReapply: () => void;
  onTakeTheirs: () => void;
}

/**
 * A 409: somebody saved meanwhile. Their value beside yours for every field either side
 * changed; a field both changed is marked. Nothing is written until the user chooses.
 */
export function ConflictPanel({ rows, untouched, onReapply, onTakeTheirs }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const both = rows.filter((row) => row.changedByMe && row.changedByThem).length;
  return (
    <div className={styles.conflict} role="alert" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Not saved: someone changed this meanwhile
      </h3>
      {untouched ? (
        <p data-conflict="version-only">Nothing was overwritten. {untouched}</p>
      ) : (
        <p>
          Nothing was overwritten. Compare their values with yours
          {both > 0 ? `; ${both} field${both === 1 ? '' : 's'} changed on both sides are marked` : ''}.
        </p>
      )}
      <table className={`data ${styles.diff}`}>
        <caption className="sr-only">Their values and yours</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you started</th>
            <th scope="col">Theirs (saved now)</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const clash = row.changedByMe && row.changedByThem;
            return (
              <tr
                key={row.key}
                data-field={row.key}
                data-both={clash || undefined}
                className={clash ? styles.attention : undefined}
              >
                <th scope="row">
                  {row.label}
                  {clash ? <span className={styles.note}>Changed by both</span> : null}
                </th>
                <td>{row.base}</td>
                <td>{row.changedByThem ? row.theirs : <span className="muted">unchanged</span>}</td>
                <td>{row.changedByMe ? row.mine : <span className="muted">unchanged</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.actions}>
        <button type="button" onClick={onReapply}>
          Re-apply my changes onto the new version
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Discard mine, keep theirs
        </button>
      </div>
    </div>
  );
}
