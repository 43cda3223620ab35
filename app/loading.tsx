export default function Loading() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading tenants">
      <div className="skeleton" style={{ height: '2rem', width: '18rem' }} />
      <ul className="tenant-grid" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="tenant-card skeleton" />
        ))}
      </ul>
    </main>
  );
}
