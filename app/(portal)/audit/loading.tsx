import { SkeletonPanels } from '@/components/ui/skeleton';

export default function AuditLoading() {
  return (
    <main className="page">
      <SkeletonPanels count={4} label="Loading" />
    </main>
  );
}
