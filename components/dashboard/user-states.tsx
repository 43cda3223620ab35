import { StackedBar } from '@/components/charts/stacked-bar';
import { USER_STATES, type UserStateCounts } from '@/lib/dashboard/types';
import styles from './section.module.css';

const LABELS = { active: 'Active', inactive: 'Inactive', deleted: 'Deleted' } as const;

export function UserStates({ counts }: { counts: UserStateCounts }) {
  const unknown = USER_STATES.filter((state) => counts[state] === null);
  return (
    <>
      <StackedBar
        title="Users by state"
        categoryLabel="State"
        unit="Users"
        emptyText="This organization has no users."
        segments={USER_STATES.filter((state) => counts[state] !== null).map((state) => ({
          label: LABELS[state],
          value: counts[state] ?? 0,
        }))}
      />
      {unknown.length > 0 ? (
        <p className={styles.note}>Genesys Cloud gave no total for: {unknown.map((s) => LABELS[s]).join(', ')}.</p>
      ) : null}
    </>
  );
}
