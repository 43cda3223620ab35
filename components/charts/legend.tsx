import styles from './charts.module.css';

/** A swatch drawn with the same class as its series, so legend and bars always agree. */
export function Swatch({ className }: { className: string | undefined }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect className={className} x="1" y="1" width="10" height="10" rx="2" />
    </svg>
  );
}

export function Legend({ items }: { items: readonly { label: string; className: string | undefined }[] }) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <Swatch className={item.className} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export const SERIES_CLASSES = [styles.series0, styles.series1, styles.series2] as const;
