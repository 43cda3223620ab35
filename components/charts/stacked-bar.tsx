import { Swatch } from './legend';
import { formatCount, fraction, pct, percentOf } from './scale';
import styles from './charts.module.css';

export interface Segment {
  label: string;
  value: number;
}

const SEGMENT_CLASSES = [styles.series0, styles.series2, styles.series1] as const;
const HEIGHT = 20;

const segmentClass = (i: number) => `${SEGMENT_CLASSES[i % SEGMENT_CLASSES.length]} ${styles.segment}`;

export function describeSegments(title: string, segments: readonly Segment[]): string {
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  if (total === 0) return `${title}: none.`;
  const parts = segments.map((s) => `${s.label} ${formatCount(s.value)} (${percentOf(s.value, total)}%)`);
  return `${title}, ${formatCount(total)} in total: ${parts.join(', ')}.`;
}

/**
 * One bar split into parts of a whole (e.g. users by state), above a visible table that is both
 * legend and data: every part is named and counted in words, never told apart by colour alone.
 */
export function StackedBar({
  title,
  segments,
  categoryLabel = 'Part',
  unit = 'Count',
  emptyText = 'Nothing to show.',
}: {
  title: string;
  segments: readonly Segment[];
  categoryLabel?: string;
  unit?: string;
  emptyText?: string;
}) {
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  if (total === 0) return <p className={styles.empty}>{emptyText}</p>;
  const starts = segments.map((_, i) =>
    segments.slice(0, i).reduce((sum, s) => sum + fraction(s.value, total) * 100, 0),
  );
  return (
    <div>
      <svg
        className={styles.chart}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={describeSegments(title, segments)}
      >
        {segments.map((segment, i) => {
          const width = fraction(segment.value, total) * 100;
          return width > 0 ? (
            <rect
              key={segment.label}
              className={segmentClass(i)}
              x={pct(starts[i] ?? 0)}
              y="0"
              width={pct(width)}
              height={HEIGHT}
            >
              <title>{`${segment.label}: ${formatCount(segment.value)} (${percentOf(segment.value, total)}%)`}</title>
            </rect>
          ) : null;
        })}
      </svg>
      <table className="data">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            <th scope="col">{unit}</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment, i) => (
            <tr key={segment.label}>
              <th scope="row">
                <Swatch className={segmentClass(i)} /> {segment.label}
              </th>
              <td>{formatCount(segment.value)}</td>
              <td>{percentOf(segment.value, total)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
