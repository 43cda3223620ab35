'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import type { SnapshotMeta } from '@/lib/snapshots/types';
import { snapshotLabel } from './snapshot-format';
import styles from './snapshots.module.css';

export const COMPARE_PATH = '/users/snapshots/compare';

/**
 * Two complete snapshots, older → newer (default: the two newest). A plain GET form, so it
 * works before hydration too; with JavaScript it checks the choice and navigates client-side.
 */
export function CompareForm({ snapshots }: { snapshots: SnapshotMeta[] }) {
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState<{ from?: string; to?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (snapshots.length < 2)
    return (
      <EmptyState title="Nothing to compare yet">
        Take at least two snapshots; complete ones can be compared.
      </EmptyState>
    );
  const from = choice.from ?? snapshots[1]?.id ?? '';
  const to = choice.to ?? snapshots[0]?.id ?? '';
  const position = (snapshotId: string) => snapshots.findIndex((snapshot) => snapshot.id === snapshotId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Newest first: the older snapshot sits further down the list.
    if (from === to) setProblem('Choose two different snapshots.');
    else if (position(from) < position(to)) setProblem('“From” must be the older snapshot.');
    else router.push(`${COMPARE_PATH}?${new URLSearchParams({ from, to }).toString()}`);
  }

  const select = (name: 'from' | 'to', label: string, value: string) => (
    <label htmlFor={`${id}-${name}`}>
      {label}
      <select
        id={`${id}-${name}`}
        name={name}
        value={value}
        aria-describedby={problem ? `${id}-problem` : undefined}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          setProblem(null);
          setChoice((current) => ({ ...current, [name]: event.target.value }));
        }}
      >
        {snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {snapshotLabel(snapshot)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form action={COMPARE_PATH} method="get" onSubmit={submit} className={styles.compareForm}>
      {select('from', 'From (older)', from)}
      {select('to', 'To (newer)', to)}
      <div>
        <button type="submit">Compare</button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className={styles.problem}>
          {problem}
        </p>
      ) : null}
    </form>
  );
}
