import type { CSSProperties, ReactNode } from 'react';
import type { SectionFailure } from '@/lib/dashboard/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { SectionSpec } from './sections';
import styles from './section.module.css';

const floor = (spec: SectionSpec) => ({ '--section-min-height': spec.minHeight }) as CSSProperties;

/** A dashboard panel whose root names the tenant its data belongs to. */
export function DashboardSection({
  tenantId,
  spec,
  actions,
  children,
}: {
  tenantId: string;
  spec: SectionSpec;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.section} data-tenant-id={tenantId} data-section={spec.id}>
      <Panel id={spec.id} title={spec.title} wide={spec.wide} actions={actions}>
        <div className={styles.body} style={floor(spec)}>
          {children}
        </div>
      </Panel>
    </div>
  );
}

/** The section's title and an empty block of its size while its data streams in. */
export function SectionSkeleton({ tenantId, spec }: { tenantId?: string; spec: SectionSpec }) {
  return (
    <div className={styles.section} data-tenant-id={tenantId} data-section={spec.id} aria-busy="true">
      <Panel id={spec.id} title={spec.title} wide={spec.wide}>
        <div className={styles.body} style={floor(spec)}>
          <Skeleton height={spec.minHeight} label={`Loading ${spec.title.toLowerCase()}`} />
        </div>
      </Panel>
    </div>
  );
}

export function SectionError({ failure }: { failure: SectionFailure }) {
  return (
    <ErrorPanel
      message={failure.message}
      requestId={failure.requestId}
      code={failure.code}
      missingPermissions={failure.missingPermissions}
      retryAfterSeconds={failure.retryAfterSeconds}
    />
  );
}

export function SectionNote({ children }: { children: ReactNode }) {
  return <p className={styles.note}>{children}</p>;
}
