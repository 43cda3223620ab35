/**
 * Comparing two snapshots of a tenant's user list: who joined, who left, and whose state,
 * division or roles changed. Pure. The older snapshot is held in a Map by id and the newer one
 * streamed past it, so memory is one snapshot (plus the differences), whatever order the rows
 * were stored in: the store keeps them in users-search order (by name), not by id, and sorting
 * 20 000 rows at write time would need them all in memory anyway.
 */
import type { SnapshotRole, SnapshotRow } from './types';

export interface SnapshotChanges {
  state?: { from: string; to: string };
  division?: { from: { id: string; name: string }; to: { id: string; name: string } };
  roles?: { added: SnapshotRole[]; removed: SnapshotRole[] };
}

export interface SnapshotChange {
  id: string;
  name: string;
  email: string;
  changes: SnapshotChanges;
}

export interface SnapshotComparison {
  /** Full counts; the lists below hold at most `limit` entries each, by name. */
  counts: { joiners: number; leavers: number; changed: number; unchanged: number };
  limit: number;
  joiners: SnapshotRow[];
  leavers: SnapshotRow[];
  changed: SnapshotChange[];
}

export const DEFAULT_COMPARE_LIMIT = 500;
export const MAX_COMPARE_LIMIT = 5000;

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function roleChanges(before: SnapshotRole[], after: SnapshotRole[]): SnapshotChanges['roles'] {
  const had = new Set(before.map((role) => role.id));
  const has = new Set(after.map((role) => role.id));
  const added = after.filter((role) => !had.has(role.id)).sort(byName);
  const removed = before.filter((role) => !has.has(role.id)).sort(byName);
  return added.length > 0 || removed.length > 0 ? { added, removed } : undefined;
}

/** What changed for one user between two snapshots; undefined when nothing compared did. */
export function diffRows(before: SnapshotRow, after: SnapshotRow): SnapshotChanges | undefined {
  const changes: SnapshotChanges = {};
  if (before.state !== after.state) changes.state = { from: before.state, to: after.state };
  if (before.divisionId !== after.divisionId)
    changes.division = {
      from: { id: before.divisionId, name: before.divisionName },
      to: { id: after.divisionId, name: after.divisionName },
    };
  const roles = roleChanges(before.roles, after.roles);
  if (roles) changes.roles = roles;
  return Object.keys(changes).length > 0 ? changes : undefined;
}

export interface Comparison {
  /** Feed every row of the newer snapshot, in any order (a repeated id counts once). */
  add(row: SnapshotRow): void;
  finish(limit?: number): SnapshotComparison;
}

/** Starts a comparison against the older snapshot's rows (in either snapshot, an id's first row counts). */
export function createComparison(from: Iterable<SnapshotRow>): Comparison {
  const remaining = new Map<string, SnapshotRow>();
  for (const row of from) if (!remaining.has(row.id)) remaining.set(row.id, row);
  const seen = new Set<string>();
  const joiners: SnapshotRow[] = [];
  const changed: SnapshotChange[] = [];
  let unchanged = 0;
  return {
    add(row) {
      if (seen.has(row.id)) return;
      seen.add(row.id);
      const before = remaining.get(row.id);
      if (!before) return void joiners.push(row);
      remaining.delete(row.id);
      const changes = diffRows(before, row);
      if (changes) changed.push({ id: row.id, name: row.name, email: row.email, changes });
      else unchanged++;
    },
    finish(limit = DEFAULT_COMPARE_LIMIT) {
      const leavers = [...remaining.values()];
      return {
        counts: { joiners: joiners.length, leavers: leavers.length, changed: changed.length, unchanged },
        limit,
        joiners: joiners.sort(byName).slice(0, limit),
        leavers: leavers.sort(byName).slice(0, limit),
        changed: changed.sort(byName).slice(0, limit),
      };
    },
  };
}

export function compareSnapshots(
  from: Iterable<SnapshotRow>,
  to: Iterable<SnapshotRow>,
  limit = DEFAULT_COMPARE_LIMIT,
): SnapshotComparison {
  const comparison = createComparison(from);
  for (const row of to) comparison.add(row);
  return comparison.finish(limit);
}
