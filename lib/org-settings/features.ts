import { FEATURE_NAMES, type FeatureName } from '../genesys/schemas/organization';
import { type FieldChange, formatValue } from './diff';

export interface FeatureRow {
  name: string;
  enabled: boolean;
  /** Only the documented names can be PATCHed; any other key Genesys answers is shown read-only. */
  writable: boolean;
}

const isFeatureName = (name: string): name is FeatureName => (FEATURE_NAMES as readonly string[]).includes(name);

/** The org's features: the documented ones in the SDK's order, then any others alphabetically. */
export function toFeatureRows(features: Record<string, boolean> | undefined): FeatureRow[] {
  const all = features ?? {};
  const known = FEATURE_NAMES.filter((name) => name in all);
  const other = Object.keys(all)
    .filter((name) => !isFeatureName(name))
    .sort();
  return [...known, ...other].map((name) => ({ name, enabled: all[name] === true, writable: isFeatureName(name) }));
}

export interface FeatureUpdate {
  name: FeatureName;
  enabled: boolean;
}

/** One PATCH per changed feature (the API has no batch call), in the order the form lists them. */
export function planFeatureUpdates(
  rows: readonly FeatureRow[],
  draft: Readonly<Record<string, boolean>>,
): { updates: FeatureUpdate[]; changes: FieldChange[] } {
  const updates: FeatureUpdate[] = [];
  const changes: FieldChange[] = [];
  for (const row of rows) {
    const wanted = draft[row.name];
    if (!row.writable || wanted === undefined || wanted === row.enabled || !isFeatureName(row.name)) continue;
    updates.push({ name: row.name, enabled: wanted });
    changes.push({
      key: row.name,
      label: row.name,
      kind: 'value',
      before: formatValue(row.enabled),
      after: formatValue(wanted),
    });
  }
  return { updates, changes };
}
