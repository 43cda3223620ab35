import type { OrganizationSummary } from '@/lib/dashboard/types';
import { StatusBadge } from '@/components/ui/status-badge';
import styles from './section.module.css';

export function FeatureList({ features }: { features: OrganizationSummary['features'] }) {
  if (features.length === 0) return <p className={styles.note}>The organization reports no feature flags.</p>;
  const on = features.filter((f) => f.enabled).length;
  return (
    <>
      <p className={styles.summary}>
        {on} of {features.length} on
      </p>
      <ul className={`${styles.plainList} ${styles.columns}`}>
        {features.map((feature) => (
          <li key={feature.name}>
            <code>{feature.name}</code>
            <StatusBadge tone={feature.enabled ? 'ok' : 'muted'}>{feature.enabled ? 'On' : 'Off'}</StatusBadge>
          </li>
        ))}
      </ul>
    </>
  );
}
