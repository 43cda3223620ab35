import { Skeleton } from '@/components/ui/skeleton';
import { UsersTableSkeleton } from '@/components/users/users-table-skeleton';

// The page's shape (title, filters, table frame), so nothing jumps when it arrives.
export default function UsersLoading() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading users">
      <header className="page-header">
        <h1>Users</h1>
        <Skeleton width="18rem" height="1.2rem" />
      </header>
      <div style={{ display: 'grid', gap: '0.75rem' }}>
        <Skeleton height="3.6rem" />
        <UsersTableSkeleton />
      </div>
    </main>
  );
}
