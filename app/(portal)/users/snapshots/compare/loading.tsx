import { Skeleton } from '@/components/ui/skeleton';

// Counts, then the three tables: the comparison's shape while the snapshots are read.
export default function CompareSnapshotsLoading() {
  return (
    <main className="page" aria-busy="true" aria-label="Comparing snapshots">
      <header className="page-header">
        <h1>Compare snapshots</h1>
        <Skeleton width="18rem" height="1.2rem" />
      </header>
      <div style={{ display: 'grid', gap: '1rem' }}>
        <Skeleton height="4.5rem" />
        <Skeleton height="8rem" />
        <Skeleton height="8rem" />
        <Skeleton height="8rem" />
      </div>
    </main>
  );
}
