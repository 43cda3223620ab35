import 'server-only';
import { mapError } from '../http/error-response';
import { logger } from '../logger';
import type { Settled } from './types';

const BINDING_MISMATCH =
  "The tenant's credentials belong to another organization; fix them before this tenant can be used.";

/**
 * Runs one section's loader and never throws: a failure becomes the mapped message, the
 * request id and (on an upstream 403) the missing Genesys permissions, so one slow or failing
 * upstream call costs its own panel and not the page.
 */
export async function settle<T>(
  load: () => T | Promise<T>,
  context: { section: string; tenantId: string; requestId: string },
): Promise<Settled<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    const mapped = mapError(error);
    const level = mapped.status >= 500 ? 'error' : 'warn';
    const { section, tenantId, requestId } = context; // never the whole context: it may carry the runtime
    logger[level](
      {
        section,
        tenantId,
        requestId,
        status: mapped.status,
        code: mapped.code,
        err: error instanceof Error ? error.name : 'unknown',
      },
      'dashboard section failed',
    );
    const missing = mapped.extra?.missingPermissions;
    // That message names the organization the token belongs to: another tenant's id.
    const message = mapped.code === 'tenant_binding_mismatch' ? BINDING_MISMATCH : mapped.message;
    return {
      ok: false,
      failure: {
        code: mapped.code,
        message,
        requestId,
        ...(Array.isArray(missing) && missing.length > 0 ? { missingPermissions: missing as string[] } : {}),
      },
    };
  }
}
