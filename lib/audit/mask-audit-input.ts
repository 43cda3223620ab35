/**
 * What a store actually writes: only the known fields (an extra property smuggled in at run time
 * is dropped), secrets masked, and the whole entry capped so one huge change cannot bloat the log.
 * Validated here, at append time, so a bug in a caller fails its request instead of writing an
 * entry that readers would skip.
 */
import { auditEntryInputSchema } from './entry-schema';
import { DEFAULT_MASK_LIMITS, maskSecrets } from './mask-secrets';
import { isSecretKey, MASK, maskString } from './secret-patterns';
import type { AuditEntryInput } from './types';

export const MAX_ENTRY_BYTES = 64 * 1024;
const MAX_DETAILS = 50;

type Details = NonNullable<AuditEntryInput['details']>;

function maskDetails(details: Details): Details {
  const out: Details = {};
  for (const [key, value] of Object.entries(details).slice(0, MAX_DETAILS)) {
    if (isSecretKey(key) && value !== null) out[key] = MASK;
    else if (typeof value === 'string') out[key] = maskString(value, DEFAULT_MASK_LIMITS.maxString);
    else if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) out[key] = value;
    else out[key] = maskString(JSON.stringify(maskSecrets(value)) ?? '', DEFAULT_MASK_LIMITS.maxString);
  }
  return out;
}

export function maskAuditInput(input: AuditEntryInput): AuditEntryInput {
  const masked: AuditEntryInput = {
    userId: input.userId,
    userEmail: input.userEmail,
    role: input.role,
    tenantId: input.tenantId,
    action: input.action,
    result: input.result,
    requestId: input.requestId,
    correlationId: input.correlationId,
    before: input.before === undefined ? undefined : maskSecrets(input.before),
    after: input.after === undefined ? undefined : maskSecrets(input.after),
    details: input.details === undefined ? undefined : maskDetails(input.details),
  };
  const bytes = Buffer.byteLength(JSON.stringify(masked));
  if (bytes > MAX_ENTRY_BYTES) {
    const marker = `[truncated: entry of ${bytes} bytes exceeds ${MAX_ENTRY_BYTES}]`;
    if (masked.before !== undefined) masked.before = marker;
    if (masked.after !== undefined) masked.after = marker;
  }
  return masked;
}

/** Masks and validates; a TypeError names the bad fields (never their values). */
export function toStoredInput(input: AuditEntryInput): AuditEntryInput {
  const result = auditEntryInputSchema.safeParse(maskAuditInput(input));
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.join('.') || 'entry').join(', ');
  throw new TypeError(`Invalid audit entry: ${fields}`);
}
