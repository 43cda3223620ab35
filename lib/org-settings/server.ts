import 'server-only';
import { revalidateTag } from 'next/cache';
import type { AuthSettings } from '../genesys/schemas/organization';
import { ApiError } from '../http/api-error';
import { logger } from '../logger';
import { tenantTags } from '../tenant-tags';
import { type AuthExpectation, staleAuthFields } from './auth-settings';

/**
 * After a successful write: every cached view of this tenant (and only this one) is stale. The
 * write has happened by now, so a revalidation that fails is logged, not turned into an error
 * the user would read as "not saved" (and retry into a 409).
 */
export function revalidateTenantData(tenantId: string, requestId: string): void {
  try {
    for (const tag of tenantTags(tenantId)) revalidateTag(tag, { expire: 0 });
  } catch (error) {
    logger.warn({ tenantId, requestId, err: error instanceof Error ? error.name : 'unknown' }, 'revalidation failed');
  }
}

/** Auth settings have no version: a 409 with the current values when the change is based on old ones. */
export function assertAuthUnchanged(expected: AuthExpectation, current: AuthSettings): void {
  const stale = staleAuthFields(expected, current);
  if (stale.length === 0) return;
  throw new ApiError(409, 'conflict', 'Someone changed the authentication settings meanwhile.', {}, { current, stale });
}
