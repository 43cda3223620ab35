import type { SnapshotMeta } from '@/lib/snapshots/types';
import { progressText } from './snapshot-format';

/** A determinate bar once the first page said how many users there are; indeterminate before. */
export function SnapshotProgress({ snapshot }: { snapshot?: Pick<SnapshotMeta, 'total' | 'expected'> }) {
  const known = snapshot && snapshot.expected !== null && snapshot.expected > 0;
  return (
    <progress
      value={known ? Math.min(snapshot.total, snapshot.expected ?? 0) : undefined}
      max={known ? (snapshot.expected ?? undefined) : undefined}
      aria-label={snapshot ? `Snapshot progress: ${progressText(snapshot)}` : 'Snapshot progress'}
    />
  );
}
