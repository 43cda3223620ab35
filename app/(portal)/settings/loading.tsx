import { Skeleton } from '@/components/ui/skeleton';

// The editor's three wide sections at roughly their size, so nothing jumps when they arrive.
const SECTIONS = [
  { title: 'Organization', height: '22rem' },
  { title: 'Features', height: '8rem' },
  { title: 'Authentication', height: '26rem' },
];

export default function SettingsLoading() {
  return (
    <main className="page">
      <header className="page-header">
        <h1>Organization settings</h1>
        <Skeleton width="16rem" height="1.2rem" />
      </header>
      <div className="panel-grid" aria-busy="true" aria-label="Loading the organization settings">
        {SECTIONS.map((section) => (
          <section key={section.title} className="panel panel-wide" aria-label={section.title}>
            <header className="panel-header">
              <h2>{section.title}</h2>
            </header>
            <Skeleton height={section.height} />
          </section>
        ))}
      </div>
    </main>
  );
}
