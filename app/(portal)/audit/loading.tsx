import { Skeleton } from '@/components/ui/skeleton';

// The page's shape (title, filter bar, table rows), so nothing jumps when the entries arrive.
export default function AuditLoading() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading the audit log">
      <h1>Audit log</h1>
      <Skeleton height="7.5rem" />
      <div style={{ display: 'grid', gap: '0.5rem', marginTop: '1.5rem' }}>
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} height="1.9rem" />
        ))}
      </div>
    </main>
  );
}
