import { SkeletonPanels } from '@/components/ui/skeleton';

export default function OverviewLoading() {
  return (
    <main className="page">
      <SkeletonPanels count={4} label="Loading" />
    </main>
  );
}
