/**
 * The settings editor's forms hold plain strings and booleans (what inputs give back); a field
 * spec says how to read one: trimmed text, a whole number, a list (one entry per line) or a
 * switch. Comparing through the spec is what makes "exactly what will change" exact: spaces
 * around a value or a re-ordered list are not a change.
 */
export type FieldKind = 'text' | 'number' | 'list' | 'boolean';

export interface FieldSpec<K extends string = string> {
  key: K;
  label: string;
  kind: FieldKind;
  /** Shown under the input: the expected format. */
  hint?: string;
}

export type FormValue = string | boolean;
export type FormValues<K extends string = string> = Record<K, FormValue>;

/** A textarea's entries: one per line (commas also separate), trimmed, blanks dropped. */
export function parseList(text: FormValue): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** A whole number as typed (a sign too, so the schema can say "Use 0 or more."), or NaN. */
export function parseWholeNumber(text: FormValue): number {
  const trimmed = String(text).trim();
  return /^-?\d{1,12}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const listKey = (text: FormValue) =>
  parseList(text)
    .map((entry) => entry.toLowerCase())
    .sort()
    .join('\n');

/** Same value as far as the API is concerned. */
export function sameValue(kind: FieldKind, a: FormValue, b: FormValue): boolean {
  if (kind === 'boolean') return a === b;
  if (kind === 'list') return listKey(a) === listKey(b);
  return String(a).trim() === String(b).trim();
}

export function changedKeys<K extends string>(
  specs: readonly FieldSpec<K>[],
  base: FormValues<K>,
  draft: FormValues<K>,
): K[] {
  return specs.filter((spec) => !sameValue(spec.kind, base[spec.key], draft[spec.key])).map((spec) => spec.key);
}

/** The id of a field's input, so messages, focus and tests can find it. */
export const fieldId = (form: string, key: string) => `${form}-${key}`;
