/**
 * User-list snapshots for auditors: who was in a tenant's filtered user list at a moment, kept
 * with the audit store, so two moments can be compared (joiners, leavers, changes). Pure: the
 * pages validate and render with the same shapes the server stores.
 */
import { z } from 'zod';
import { userFilterSchema } from '../users/user-view';

/** Random (v4) UUIDs: an id can be neither guessed nor enumerated. */
export const snapshotIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a snapshot id');

const text = z.string().max(1000);
const roleSchema = z.strictObject({ id: text, name: text });
export type SnapshotRole = z.infer<typeof roleSchema>;

/** One user as the snapshot keeps it: only what a comparison looks at, and what names it. */
export const snapshotRowSchema = z.strictObject({
  id: text,
  name: text,
  email: text,
  state: text,
  divisionId: text,
  divisionName: text,
  /** Sorted by name, then id. */
  roles: z.array(roleSchema).max(1000),
});
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

export const SNAPSHOT_STATUSES = ['taking', 'complete', 'failed'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export const snapshotMetaSchema = z.strictObject({
  id: snapshotIdSchema,
  tenantId: text,
  createdAt: z.iso.datetime(),
  /** The email of the portal user who took it. */
  createdBy: text,
  filter: userFilterSchema,
  status: z.enum(SNAPSHOT_STATUSES),
  /** Users kept so far (the final count once complete). */
  total: z.number().int().min(0),
  /** The total users search reported on its first page; null before that page arrived. */
  expected: z.number().int().min(0).nullable(),
  updatedAt: z.iso.datetime(),
  /** Why it failed, as the portal maps errors (never a raw upstream message). */
  error: text.optional(),
  /** The request that took it: quoted with a failure, found in the server log. */
  requestId: text.optional(),
  /** The name of the filter's division as the users carried it, so lists need not look it up. */
  filterDivisionName: text.optional(),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

/** Snapshots kept per tenant: when one completes, the oldest beyond this many are deleted. */
export const SNAPSHOT_RETENTION = 50;

/** A snapshot taking longer than this is stopped (and fails): the tenant's lock outlives it. */
export const SNAPSHOT_MAX_RUN_MS = 9 * 60_000;

/**
 * A snapshot still `taking` this long after it began is certainly dead (a run stops at
 * SNAPSHOT_MAX_RUN_MS): listing or taking one marks it failed and drops its partial rows.
 */
export const SNAPSHOT_STALE_MS = 10 * 60_000;

export const INTERRUPTED_MESSAGE = 'Interrupted: the portal stopped while taking this snapshot.';

export interface SnapshotList {
  snapshots: SnapshotMeta[];
}
