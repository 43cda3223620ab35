import type { BudgetUse } from '@/lib/overview/types';
import { StatusBadge } from '@/components/ui/status-badge';
import styles from './overview.module.css';

/** Requests in the last minute against the tenant's limit: a bar for the eye, the numbers for everyone. */
export function BudgetMeter({ budget }: { budget: BudgetUse }) {
  const share = budget.limitPerMinute > 0 ? budget.requests / budget.limitPerMinute : 0;
  const percent = Math.min(100, Math.round(share * 100));
  const level = share >= 0.9 ? 'hot' : share >= 0.6 ? 'warm' : 'low';
  return (
    <div className={styles.budget}>
      <span className={styles.meter} aria-hidden="true">
        <span className={styles.meterFill} data-level={level} style={{ width: `${percent}%` }} />
      </span>
      <span>
        {budget.requests} / {budget.limitPerMinute} per min
      </span>
      {budget.throttled > 0 ? (
        <StatusBadge tone="warn" title="429 answers from Genesys Cloud in the last minute">
          {budget.throttled} throttled
        </StatusBadge>
      ) : null}
    </div>
  );
}
