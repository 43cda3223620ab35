import type { FieldChange } from '@/lib/org-settings/diff';
import styles from './org-settings.module.css';

/** Exactly what a save changes, field by field: old → new, or the entries added to/removed from a list. */
export function DiffList({ changes, caption }: { changes: readonly FieldChange[]; caption: string }) {
  return (
    <table className={`data ${styles.diff}`}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Now</th>
          <th scope="col" aria-hidden="true" />
          <th scope="col">After saving</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key} data-field={change.key} className={change.note ? styles.attention : undefined}>
            <th scope="row">
              {change.label}
              {change.note ? <span className={styles.note}>{change.note}</span> : null}
            </th>
            {change.kind === 'value' ? (
              <>
                <td className={styles.before}>{change.before}</td>
                <td aria-hidden="true">→</td>
                <td className={styles.after}>{change.after}</td>
              </>
            ) : (
              <td colSpan={3}>
                <ListChange label="Added" items={change.added} />
                <ListChange label="Removed" items={change.removed} />
                <p className="muted">{change.after.length} entries after saving</p>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ListChange({ label, items }: { label: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <p>
      {label}:{' '}
      {items.map((item, index) => (
        <span key={item}>
          {index > 0 ? ', ' : null}
          <code>{item}</code>
        </span>
      ))}
    </p>
  );
}
