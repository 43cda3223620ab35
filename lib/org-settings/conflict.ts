import { formatValue } from './diff';
import { type FieldSpec, type FormValues, parseList, sameValue } from './fields';

/** One field in the conflict view: what it was, what they saved meanwhile, what you typed. */
export interface ConflictRow {
  key: string;
  label: string;
  base: string;
  theirs: string;
  mine: string;
  changedByMe: boolean;
  changedByThem: boolean;
}

const shown = (spec: FieldSpec, value: FormValues[string] | undefined) =>
  spec.kind === 'list' ? parseList(value ?? '').join(', ') || '(empty)' : formatValue(value);

/**
 * Every field either side changed since the edit started. A field both changed is the one to
 * look at (`changedByMe && changedByThem`); one only they changed is kept as theirs on re-apply.
 */
export function conflictRows<K extends string>(
  specs: readonly FieldSpec<K>[],
  base: FormValues<K>,
  theirs: FormValues<K>,
  mine: FormValues<K>,
): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const spec of specs) {
    const changedByMe = !sameValue(spec.kind, base[spec.key], mine[spec.key]);
    const changedByThem = !sameValue(spec.kind, base[spec.key], theirs[spec.key]);
    if (!changedByMe && !changedByThem) continue;
    rows.push({
      key: spec.key,
      label: spec.label,
      base: shown(spec, base[spec.key]),
      theirs: shown(spec, theirs[spec.key]),
      mine: shown(spec, mine[spec.key]),
      changedByMe,
      changedByThem,
    });
  }
  return rows;
}

/** Their current values with only the fields you changed set to yours: the new draft. */
export function reapply<K extends string>(
  specs: readonly FieldSpec<K>[],
  base: FormValues<K>,
  theirs: FormValues<K>,
  mine: FormValues<K>,
): FormValues<K> {
  const next = { ...theirs };
  for (const spec of specs) {
    if (!sameValue(spec.kind, base[spec.key], mine[spec.key])) next[spec.key] = mine[spec.key];
  }
  return next;
}
