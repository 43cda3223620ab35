import { SkeletonPanels } from '@/components/ui/skeleton';

export default function CredentialsLoading() {
  return (
    <main className="page">
      <h1>Credentials &amp; health</h1>
      <SkeletonPanels count={6} label="Loading credential health" />
    </main>
  );
}
