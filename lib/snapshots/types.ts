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
  error: text.optional(),
  /** The name of the filter's division as the users carried it, so lists need not look it up. */
  filterDivisionName: text.optional(),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

/** A snapshot still `taking` without progress for this long was cut short (instance stopped). */
export const SNAPSHOT_STALE_MS = 120_000;

export const INTERRUPTED_MESSAGE = 'Interrupted: the portal stopped while taking this snapshot.';

/** As listed: a `taking` snapshot nobody advanced for SNAPSHOT_STALE_MS is shown as failed. */
export function toListedSnapshot(meta: SnapshotMeta, now: number): SnapshotMeta {
  const stale = meta.status === 'taking' && now - Date.parse(meta.updatedAt) > SNAPSHOT_STALE_MS;
  return stale ? { ...meta, status: 'failed', error: INTERRUPTED_MESSAGE } : meta;
}

export interface SnapshotList {
  snapshots: SnapshotMeta[];
}
