/**
 * The field-level difference between an audit entry's `before` and `after`: both are flattened
 * into leaf paths (`settings.passwordRequirements.minimumLength`, `divisions[2].name`) and
 * compared leaf by leaf. An empty object or array is a leaf of its own, so "emptied" shows as a
 * change instead of vanishing. Order: the paths of `before` as stored, then the paths only
 * `after` has; stored objects keep their key order, so related fields stay together.
 * Pure, for the expandable row and its tests.
 */
export type DiffKind = 'changed' | 'added' | 'removed' | 'unchanged';

export interface DiffLine {
  /** '' for a value that is not an object (the whole before/after). */
  path: string;
  kind: DiffKind;
  /** Absent for 'added'. */
  before?: unknown;
  /** Absent for 'removed'. */
  after?: unknown;
}

export interface DiffSummary {
  changed: number;
  added: number;
  removed: number;
  unchanged: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`; // a key with dots or brackets stays one segment
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf paths to values; undefined (no before, or no after) flattens to nothing. */
export function flattenValue(value: unknown, path = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value === undefined) return into;
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flattenValue(item, childPath(path, index), into));
  } else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flattenValue(item, childPath(path, key), into);
  } else {
    into.set(path, value);
  }
  return into;
}

// Stored entries are JSON-shaped (lib/audit masks into plain data), so JSON equality is exact.
const sameLeaf = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function diffEntries(before: unknown, after: unknown): DiffLine[] {
  const old = flattenValue(before);
  const next = flattenValue(after);
  const lines: DiffLine[] = [];
  for (const [path, value] of old) {
    if (!next.has(path)) lines.push({ path, kind: 'removed', before: value });
    else {
      const now = next.get(path);
      lines.push({ path, kind: sameLeaf(value, now) ? 'unchanged' : 'changed', before: value, after: now });
    }
  }
  for (const [path, value] of next) {
    if (!old.has(path)) lines.push({ path, kind: 'added', after: value });
  }
  return lines;
}

export function summarizeDiff(lines: DiffLine[]): DiffSummary {
  const summary: DiffSummary = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  for (const line of lines) summary[line.kind] += 1;
  return summary;
}

export interface RenderedValue {
  /** What fits in the table cell. */
  short: string;
  /** The whole JSON, when `short` had to be cut. */
  full?: string;
}

/** A value as JSON, cut at `max` characters (with an ellipsis) so one huge value cannot swamp the table. */
export function renderDiffValue(value: unknown, max = 120): RenderedValue {
  // JSON.stringify answers undefined only for values a stored entry cannot hold (functions, symbols).
  const text = value === undefined ? '' : (JSON.stringify(value) ?? '');
  if (text.length <= max) return { short: text };
  return { short: `${text.slice(0, max - 1)}…`, full: text };
}
