import type { FieldKind, FormValue } from './fields';
import { parseList } from './fields';

/** One line of the "what will change" review: a value (old → new) or a list (added / removed). */
export type FieldChange =
  | { key: string; label: string; kind: 'value'; before: string; after: string; note?: string }
  | {
      key: string;
      label: string;
      kind: 'list';
      added: string[];
      removed: string[];
      after: string[];
      note?: string;
    };

/** How a value reads in a diff: a switch as On/Off, an empty text as "(empty)". */
export function formatValue(value: FormValue | number | undefined | null): string {
  if (value === undefined || value === null) return '(not set)';
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  const text = String(value);
  return text.trim() === '' ? '(empty)' : text;
}

/** Entries added and removed, compared case-insensitively (domains and IPs are). */
export function diffList(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const lower = (items: string[]) => new Set(items.map((item) => item.toLowerCase()));
  const had = lower(before);
  const has = lower(after);
  return {
    added: after.filter((item) => !had.has(item.toLowerCase())),
    removed: before.filter((item) => !has.has(item.toLowerCase())),
  };
}

export function fieldChange(
  spec: { key: string; label: string; kind: FieldKind },
  before: FormValue | number | undefined,
  after: FormValue | number,
): FieldChange {
  if (spec.kind === 'list') {
    const items = parseList(typeof after === 'string' ? after : '');
    return {
      key: spec.key,
      label: spec.label,
      kind: 'list',
      ...diffList(parseList(typeof before === 'string' ? before : ''), items),
      after: items,
    };
  }
  return { key: spec.key, label: spec.label, kind: 'value', before: formatValue(before), after: formatValue(after) };
}
