/**
 * The arithmetic shared by the SVG charts. Pure, so it is tested on its own: a chart never
 * divides by zero, never draws past its box, and never lets a long label run over the bars.
 */

/** The top of a value axis: the largest value (or `floor`, e.g. a limit); never 0. */
export function axisMax(values: readonly number[], floor = 0): number {
  let max = floor > 0 && Number.isFinite(floor) ? floor : 0;
  for (const value of values) if (Number.isFinite(value) && value > max) max = value;
  return max > 0 ? max : 1;
}

/** Where `value` sits on [0, max], as a fraction clamped to [0, 1]. */
export function fraction(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value) || value <= 0) return 0;
  return Math.min(1, value / max);
}

/** A percentage for an SVG attribute, to two decimals (short markup, no visible difference). */
export const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

/** Whole-number percentage of `part` in `whole` (0 when there is no whole). */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !Number.isFinite(part)) return 0;
  return Math.round((part / whole) * 100);
}

/** Cuts a label to `maxChars` characters (an ellipsis included); the caller keeps the full text as a title. */
export function truncateLabel(label: string, maxChars: number): { text: string; truncated: boolean } {
  const chars = Array.from(label); // code points: an emoji or accent is never split in half
  if (chars.length <= maxChars) return { text: label, truncated: false };
  const kept = chars
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd();
  return { text: `${kept}…`, truncated: true };
}

/** `x,y` pairs of a line through `values`, left to right across `width`, 0 at the bottom of `height`. */
export function linePoints(values: readonly number[], max: number, width: number, height: number): [number, number][] {
  if (values.length === 0) return [];
  const y = (value: number) => round(height - fraction(value, max) * height);
  // A single reading is drawn as a level line across the box rather than as an invisible dot.
  if (values.length === 1)
    return [
      [0, y(values[0] ?? 0)],
      [width, y(values[0] ?? 0)],
    ];
  const step = width / (values.length - 1);
  return values.map((value, i) => [round(i * step), y(value)]);
}

/** The y coordinate of `value` in a box of `height` whose axis tops out at `max`. */
export const yOf = (value: number, max: number, height: number) => round(height - fraction(value, max) * height);

const round = (n: number) => Math.round(n * 100) / 100;

// One fixed locale: the server and the browser must print the same digits.
const COUNT = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => COUNT.format(n);
