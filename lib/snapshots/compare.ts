/**
 * Comparing two snapshots of a tenant's user list: who joined, who left, and whose state,
 * division or roles changed. Pure. The older snapshot is held in a Map by id (built straight
 * from its row stream) and the newer one streamed past it, keeping only the first `limit`
 * joiners and changes by name: memory is one snapshot (plus `limit`), whatever order the rows
 * were stored in (users-search order: by id now, by name in snapshots taken before that).
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

/**
 * The `limit` smallest items by `compare`, kept while items stream past: a max-heap of at most
 * `limit` (its root the worst kept), so memory is the limit, not the stream.
 */
export function createTopList<T>(limit: number, compare: (a: T, b: T) => number) {
  const heap: T[] = [];
  let count = 0;
  const worse = (i: number, j: number) => compare(heap[i] as T, heap[j] as T) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j] as T, heap[i] as T]);
  function up(i: number) {
    for (let parent = (i - 1) >> 1; i > 0 && worse(i, parent); i = parent, parent = (i - 1) >> 1) swap(i, parent);
  }
  function down(i: number) {
    for (;;) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let largest = i;
      if (left < heap.length && worse(left, largest)) largest = left;
      if (right < heap.length && worse(right, largest)) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  }
  return {
    add(item: T) {
      count++;
      if (limit <= 0) return;
      if (heap.length < limit) {
        heap.push(item);
        up(heap.length - 1);
      } else if (compare(item, heap[0] as T) < 0) {
        heap[0] = item;
        down(0);
      }
    },
    /** Every item added, kept or not. */
    get count() {
      return count;
    },
    sorted: (): T[] => heap.toSorted(compare),
  };
}

export interface Comparison {
  /** Feed every row of the newer snapshot, in any order (a repeated id counts once). */
  add(row: SnapshotRow): void;
  finish(): SnapshotComparison;
}

/** The older snapshot by id, an id's first row counting; built straight from its row stream. */
export async function indexRows(rows: AsyncIterable<SnapshotRow> | Iterable<SnapshotRow>) {
  const byId = new Map<string, SnapshotRow>();
  for await (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return byId;
}

/**
 * Starts a comparison against the older snapshot, indexed by id (indexRows). The map is
 * consumed: matched rows are taken out of it, so what remains at the end are the leavers.
 * Only the first `limit` joiners and changes by name are kept; all are counted.
 */
export function createComparison(older: Map<string, SnapshotRow>, limit = DEFAULT_COMPARE_LIMIT): Comparison {
  const seen = new Set<string>();
  const joiners = createTopList<SnapshotRow>(limit, byName);
  const changed = createTopList<SnapshotChange>(limit, byName);
  let unchanged = 0;
  return {
    add(row) {
      if (seen.has(row.id)) return;
      seen.add(row.id);
      const before = older.get(row.id);
      if (!before) return joiners.add(row);
      older.delete(row.id);
      const changes = diffRows(before, row);
      if (changes) changed.add({ id: row.id, name: row.name, email: row.email, changes });
      else unchanged++;
    },
    finish() {
      const leavers = createTopList<SnapshotRow>(limit, byName);
      for (const row of older.values()) leavers.add(row);
      return {
        counts: { joiners: joiners.count, leavers: leavers.count, changed: changed.count, unchanged },
        limit,
        joiners: joiners.sorted(),
        leavers: leavers.sorted(),
        changed: changed.sorted(),
      };
    },
  };
}

export function compareSnapshots(
  from: Iterable<SnapshotRow>,
  to: Iterable<SnapshotRow>,
  limit = DEFAULT_COMPARE_LIMIT,
): SnapshotComparison {
  const older = new Map<string, SnapshotRow>();
  for (const row of from) if (!older.has(row.id)) older.set(row.id, row);
  const comparison = createComparison(older, limit);
  for (const row of to) comparison.add(row);
  return comparison.finish();
}
