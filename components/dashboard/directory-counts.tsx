import type { DirectoryCounts as Counts } from '@/lib/dashboard/types';
import { formatCount } from '@/components/charts/scale';
import styles from './section.module.css';

const show = (n: number | null) => (n === null ? '—' : formatCount(n));

export function DirectoryCounts({ counts }: { counts: Counts }) {
  return (
    <dl className={styles.stats}>
      <div>
        <dt>Divisions</dt>
        <dd>{show(counts.divisions)}</dd>
      </div>
      <div>
        <dt>Roles</dt>
        <dd>{show(counts.roles)}</dd>
      </div>
    </dl>
  );
}
