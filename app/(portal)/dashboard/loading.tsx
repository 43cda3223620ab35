import { SectionSkeleton } from '@/components/dashboard/dashboard-section';
import { SECTION_ORDER } from '@/components/dashboard/sections';
import { Skeleton } from '@/components/ui/skeleton';

// The dashboard's own grid, panel for panel, so the page does not jump when it arrives.
export default function DashboardLoading() {
  return (
    <main className="page">
      <header className="page-header">
        <h1>Dashboard</h1>
        <Skeleton width="14rem" height="1.2rem" />
      </header>
      <div className="panel-grid" aria-busy="true" aria-label="Loading the dashboard">
        {SECTION_ORDER.map((spec) => (
          <SectionSkeleton key={spec.id} spec={spec} />
        ))}
      </div>
    </main>
  );
}
