import { SkeletonPanels } from '@/components/ui/skeleton';

export default function DashboardLoading() {
  return (
    <main className="page">
      <h1>Dashboard</h1>
      <SkeletonPanels count={6} label="Loading the dashboard" />
    </main>
  );
}
