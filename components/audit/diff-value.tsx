import { renderDiffValue } from './diff-entries';
import styles from './audit.module.css';

/** A JSON value in a diff cell; a long one is cut, with the whole value one click away. */
export function DiffValue({ value, absent }: { value: unknown; absent: boolean }) {
  if (absent) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none</span>
      </span>
    );
  }
  const { short, full } = renderDiffValue(value);
  if (full === undefined) return <code className={styles.value}>{short}</code>;
  return (
    <details className={styles.fullValue}>
      <summary>
        <code className={styles.value}>{short}</code> <span className="muted">(show all {full.length} characters)</span>
      </summary>
      <pre className={styles.value}>{full}</pre>
    </details>
  );
}
