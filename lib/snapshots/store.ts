import type { UserFilter } from '../users/user-view';
import type { SnapshotMeta, SnapshotRow } from './types';
import { TENANT_ID_PATTERN } from '../tenants/tenant-schema';
import { BrandedError } from '../genesys/branded-error';

/**
 * Where snapshots live: next to the audit log (Redis when REDIS_URL is set, else files beside
 * AUDIT_FILE). Every key and path contains the tenant id, and every read names the tenant: a
 * snapshot id looked up under another tenant is simply not there.
 */
export interface SnapshotStore {
  /** Records a new snapshot (`taking`, random id) and returns the writer of its rows. */
  begin(input: {
    tenantId: string;
    createdBy: string;
    filter: UserFilter;
    requestId?: string;
  }): Promise<SnapshotWriter>;
  /** The tenant's snapshots, newest first. */
  list(tenantId: string): Promise<SnapshotMeta[]>;
  get(tenantId: string, id: string): Promise<SnapshotMeta | undefined>;
  /** The rows of a complete snapshot, in the order they were taken, read in chunks. */
  rows(tenantId: string, id: string): AsyncIterable<SnapshotRow>;
  /** Marks a snapshot whose writer is gone (a stopped instance) failed and drops its partial rows. */
  abandon(tenantId: string, id: string, message: string): Promise<SnapshotMeta | undefined>;
  /** Deletes a snapshot: its meta, its rows, its place in the list. */
  remove(tenantId: string, id: string): Promise<void>;
  close(): Promise<void>;
}

export interface SnapshotWriter {
  readonly id: string;
  /** Appends rows in order and records progress (`expected`: the total search reported). */
  append(rows: readonly SnapshotRow[], expected: number | null): Promise<void>;
  /** Makes the rows durable, then marks the snapshot complete. */
  complete(expected: number | null, details?: Pick<SnapshotMeta, 'filterDivisionName'>): Promise<SnapshotMeta>;
  /** Drops the rows and marks the snapshot failed, with a message the list shows. */
  fail(message: string): Promise<SnapshotMeta>;
}

export class SnapshotCorruptError extends BrandedError {
  static override readonly brand = 'SnapshotCorruptError';
}

/** Same slug rule as the tenant registry: nothing that could climb out of a path or a key. */
export function assertTenantId(tenantId: string): void {
  if (!TENANT_ID_PATTERN.test(tenantId)) throw new TypeError('Invalid tenant id for a snapshot');
}

/** The shared bookkeeping of a writer: the meta as it evolves. */
export function createMetaTracker(meta: SnapshotMeta, now: () => number) {
  let current = meta;
  const stamp = () => new Date(now()).toISOString();
  return {
    get current() {
      return current;
    },
    update(changes: Partial<SnapshotMeta>): SnapshotMeta {
      current = { ...current, ...changes, updatedAt: stamp() };
      return current;
    },
  };
}

/** Newest first; equal times by id, descending (the order Redis gives equal scores in ZREVRANGE). */
export const newestFirst = (a: SnapshotMeta, b: SnapshotMeta): number =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
