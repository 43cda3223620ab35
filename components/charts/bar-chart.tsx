import { ChartTable } from './chart-table';
import { Legend, SERIES_CLASSES } from './legend';
import { axisMax, formatCount, fraction, pct, truncateLabel } from './scale';
import styles from './charts.module.css';

export interface BarGroup {
  label: string;
  /** One value per series, in series order. */
  values: readonly number[];
}

interface Props {
  /** Names the chart: starts its accessible description and captions its table. */
  title: string;
  /** Up to three series, drawn solid, outlined and light. */
  series: readonly string[];
  groups: readonly BarGroup[];
  /** Header of the label column in the data table. */
  categoryLabel?: string;
  maxLabelChars?: number;
  /** A screen-reader table of the values; turn off when the same numbers are in a visible table. */
  table?: boolean;
  emptyText?: string;
}

// Pixel geometry of one group; widths are percentages, so bars stretch and text does not scale.
const BAR = 12;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const LABEL_PCT = 34;
const VALUE_PCT = 10;
const BAR_PCT = 100 - LABEL_PCT - VALUE_PCT;

export function describeBars(title: string, series: readonly string[], groups: readonly BarGroup[]): string {
  if (groups.length === 0) return `${title}: no data.`;
  const parts = groups.map(
    (group) =>
      `${group.label}: ${series.map((name, i) => `${name.toLowerCase()} ${formatCount(group.values[i] ?? 0)}`).join(', ')}`,
  );
  return `${title}. ${parts.join('; ')}.`;
}

/** Horizontal grouped bars (e.g. offered vs handled per queue), each bar with its value written out. */
export function BarChart({
  title,
  series,
  groups,
  categoryLabel = 'Item',
  maxLabelChars = 24,
  table = true,
  emptyText = 'No data to show.',
}: Props) {
  if (groups.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  const max = axisMax(groups.flatMap((group) => group.values));
  const groupHeight = series.length * BAR + (series.length - 1) * BAR_GAP;
  const height = groups.length * (groupHeight + GROUP_GAP) - GROUP_GAP;
  return (
    <div>
      {series.length > 1 ? (
        <Legend items={series.map((label, i) => ({ label, className: SERIES_CLASSES[i] }))} />
      ) : null}
      <svg
        className={styles.chart}
        width="100%"
        height={height}
        role="img"
        aria-label={describeBars(title, series, groups)}
      >
        {groups.map((group, g) => {
          const top = g * (groupHeight + GROUP_GAP);
          const label = truncateLabel(group.label, maxLabelChars);
          return (
            <g key={`${g}-${group.label}`}>
              <text x="0" y={top + groupHeight / 2} dominantBaseline="middle">
                {label.truncated ? <title>{group.label}</title> : null}
                {label.text}
              </text>
              {series.map((name, i) => {
                const value = group.values[i] ?? 0;
                const width = fraction(value, max) * BAR_PCT;
                const y = top + i * (BAR + BAR_GAP);
                return (
                  <g key={name}>
                    {width > 0 ? (
                      <rect
                        className={SERIES_CLASSES[i]}
                        x={pct(LABEL_PCT)}
                        y={y}
                        width={pct(width)}
                        height={BAR}
                        rx="2"
                      >
                        <title>{`${group.label}: ${name.toLowerCase()} ${formatCount(value)}`}</title>
                      </rect>
                    ) : null}
                    <text
                      className={styles.value}
                      x={pct(LABEL_PCT + width)}
                      dx="4"
                      y={y + BAR / 2}
                      dominantBaseline="middle"
                    >
                      {formatCount(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {table ? (
        <ChartTable
          caption={title}
          columns={[categoryLabel, ...series]}
          rows={groups.map((group) => [group.label, ...series.map((_, i) => formatCount(group.values[i] ?? 0))])}
        />
      ) : null}
    </div>
  );
}
