import type { CSSProperties } from 'react';

/** A placeholder block with the size of what will load, so nothing jumps when it arrives. */
export function Skeleton({
  width = '100%',
  height = '1rem',
  label,
}: {
  width?: string;
  height?: string;
  label?: string;
}) {
  const style: CSSProperties = { width, height };
  return <div className="skeleton" style={style} aria-hidden={label ? undefined : true} aria-label={label} />;
}

export function SkeletonPanels({ count, label }: { count: number; label: string }) {
  return (
    <div className="panel-grid" aria-busy="true" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="panel">
          <Skeleton width="40%" height="1.1rem" />
          <Skeleton height="6rem" />
        </div>
      ))}
    </div>
  );
}
