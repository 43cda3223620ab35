/**
 * The stored shape of an entry, checked on the way in (so nothing is stored that a reader would
 * have to skip) and on the way out (a torn, foreign or tampered record is skipped, never trusted).
 * An action unknown to this version (written by a newer one during a rolling deploy) is skipped
 * on read rather than mistyped; it stays in the store.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEntry, type AuditEntryInput } from './types';

const nullableText = z.string().max(1000).nullable();

export const auditEntryInputSchema = z.object({
  userId: nullableText,
  userEmail: nullableText,
  role: nullableText,
  tenantId: nullableText,
  action: z.enum(AUDIT_ACTIONS),
  result: z.enum(['success', 'failure', 'denied']),
  requestId: z.string().max(1000),
  correlationId: z.string().max(1000).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
}) satisfies z.ZodType<AuditEntryInput>;

export const auditEntrySchema = auditEntryInputSchema.extend({
  id: z.string().regex(/^\d+-\d+$/),
  time: z.iso.datetime(),
}) satisfies z.ZodType<AuditEntry>;

/** Parses one stored JSON record; undefined when it is not a valid entry. */
export function parseStoredJson<T>(schema: z.ZodType<T>, json: string): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
