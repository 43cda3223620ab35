import { ChartTable } from './chart-table';
import { axisMax, formatCount, linePoints, yOf } from './scale';
import styles from './charts.module.css';

interface Props {
  title: string;
  values: readonly number[];
  /** One label per value (e.g. "3 min ago"), for the data table. */
  labels: readonly string[];
  /** A ceiling drawn as a dashed line (e.g. the rate limit); the axis always reaches it. */
  limit?: number;
  limitLabel?: string;
  height?: number;
  categoryLabel?: string;
  valueLabel?: string;
  emptyText?: string;
}

// The line is drawn in a 100-wide box stretched to the panel (strokes do not scale); text sits
// in the outer, unstretched SVG so it stays readable at any width.
const BOX = 100;
const TOP = 16;

export function describeLine(title: string, values: readonly number[], limit?: number): string {
  if (values.length === 0) return `${title}: no data.`;
  const latest = values[values.length - 1] ?? 0;
  const highest = Math.max(...values);
  const ceiling = limit === undefined ? '' : `, limit ${formatCount(limit)}`;
  return `${title}: latest ${formatCount(latest)}, highest ${formatCount(highest)}${ceiling}.`;
}

/** A small line over time with an optional limit line. */
export function Sparkline({
  title,
  values,
  labels,
  limit,
  limitLabel,
  height = 64,
  categoryLabel = 'Time',
  valueLabel = 'Value',
  emptyText = 'No data yet.',
}: Props) {
  if (values.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  const max = axisMax(values, limit);
  const points = linePoints(values, max, BOX, height);
  const line = points.map(([x, y]) => `${x},${y}`).join(' ');
  const area = `0,${height} ${line} ${BOX},${height}`;
  const limitY = limit === undefined ? undefined : yOf(limit, max, height);
  return (
    <div>
      <svg
        className={styles.chart}
        width="100%"
        height={height + TOP}
        role="img"
        aria-label={describeLine(title, values, limit)}
      >
        <svg
          y={TOP}
          width="100%"
          height={height}
          viewBox={`0 0 ${BOX} ${height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <line className={styles.axis} x1="0" x2={BOX} y1={height} y2={height} vectorEffect="non-scaling-stroke" />
          <polygon className={styles.area} points={area} />
          <polyline className={styles.line} points={line} vectorEffect="non-scaling-stroke" />
          {limitY === undefined ? null : (
            <line className={styles.limit} x1="0" x2={BOX} y1={limitY} y2={limitY} vectorEffect="non-scaling-stroke" />
          )}
        </svg>
        {limitY === undefined ? null : (
          <text x="100%" y={TOP + limitY - 4} textAnchor="end">
            {limitLabel ?? `limit ${formatCount(limit ?? 0)}`}
          </text>
        )}
      </svg>
      <ChartTable
        caption={title}
        columns={[categoryLabel, valueLabel]}
        rows={values.map((value, i) => [labels[i] ?? String(i + 1), formatCount(value)])}
      />
    </div>
  );
}
