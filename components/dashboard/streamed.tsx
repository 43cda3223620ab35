import { Suspense, type ReactNode } from 'react';
import { SectionSkeleton } from './dashboard-section';
import type { SectionSpec } from './sections';

/** One section streamed on its own: a slow upstream call delays only this panel. */
export function Streamed({ tenantId, spec, children }: { tenantId: string; spec: SectionSpec; children: ReactNode }) {
  return <Suspense fallback={<SectionSkeleton tenantId={tenantId} spec={spec} />}>{children}</Suspense>;
}
