import { Skeleton, SkeletonPanels } from '@/components/ui/skeleton';

// The page's shape (title, two panels, the list), so nothing jumps when it arrives.
export default function SnapshotsLoading() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading snapshots">
      <header className="page-header">
        <h1>User snapshots</h1>
        <Skeleton width="18rem" height="1.2rem" />
      </header>
      <SkeletonPanels count={2} label="Loading snapshots" />
      <Skeleton height="8rem" />
    </main>
  );
}
