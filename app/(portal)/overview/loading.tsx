import { Skeleton } from '@/components/ui/skeleton';

export default function OverviewLoading() {
  return (
    <main className="page" aria-busy="true">
      <header className="page-header">
        <h1>All tenants</h1>
        <p>Token, permissions, users and rate budget of every tenant you can work on.</p>
      </header>
      <div aria-label="Loading the tenant list" style={{ display: 'grid', gap: '0.6rem', marginTop: '1rem' }}>
        <Skeleton width="40%" height="1.5rem" />
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height="3.75rem" />
        ))}
      </div>
    </main>
  );
}
