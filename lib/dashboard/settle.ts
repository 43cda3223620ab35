import 'server-only';
import { mapError } from '../http/error-response';
import { toFailure } from '../http/to-failure';
import { logger } from '../logger';
import type { Settled } from './types';

/**
 * Runs one section's loader and never throws: a failure becomes the mapped message, the
 * request id, the missing Genesys permissions (403) and the wait a 429 asked for, so one slow
 * or failing upstream call costs its own panel and not the page.
 */
export async function settle<T>(
  load: () => T | Promise<T>,
  context: { section: string; tenantId: string; requestId: string },
): Promise<Settled<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    const { status, code } = mapError(error);
    const { section, tenantId, requestId } = context; // never the whole context: it may carry the runtime
    logger[status >= 500 ? 'error' : 'warn'](
      { section, tenantId, requestId, status, code, err: error instanceof Error ? error.name : 'unknown' },
      'dashboard section failed',
    );
    return { ok: false, failure: toFailure(error, requestId) };
  }
}
