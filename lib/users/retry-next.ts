import { GenesysApiError, GenesysTimeoutError, RateLimitedError } from '../genesys/errors';
import type { Clock } from '../genesys/ports';

/** The longest a paging job (export, snapshot) waits in total for one page before it gives up (the SDKs' 180 s). */
export const MAX_STALL_MS = 180_000;
/** Pages refused with 429 are asked again as long as the stall allows; other failures this often. */
const MAX_RATE_LIMITED_ATTEMPTS = 30;
const MAX_OTHER_ATTEMPTS = 3;

export interface RetryNextOptions {
  signal: AbortSignal;
  sleep: Clock['sleep'];
  onRetry?: (error: unknown, waitMs: number) => void;
}

const backoffMs = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 15_000);

/** How long to wait before asking again, or undefined when asking again cannot help. */
function retryWait(error: unknown, attempt: number): { waitMs: number; rateLimited: boolean } | undefined {
  if (error instanceof RateLimitedError) return { waitMs: error.retryAfterMs, rateLimited: true };
  if (error instanceof GenesysApiError && error.status === 429)
    return { waitMs: error.retryAfterMs ?? backoffMs(attempt), rateLimited: true };
  const transient = error instanceof GenesysTimeoutError || (error instanceof GenesysApiError && error.status >= 500);
  return transient ? { waitMs: backoffMs(attempt), rateLimited: false } : undefined;
}

/**
 * `iterator.next()` until it answers. A request gives up once a Retry-After exceeds its own
 * wait budget (RateLimitedError) or its retries run out; a download of 200 pages should not, so
 * the page is asked for again after the wait. The paging iterators leave their position
 * untouched when a load fails (lib/genesys/paginate.ts), so asking again continues with the
 * very user that was due: nothing is skipped or repeated. An abort ends it at once.
 */
export async function nextWithRetry<T>(
  iterator: AsyncIterator<T>,
  { signal, sleep, onRetry }: RetryNextOptions,
): Promise<IteratorResult<T>> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await iterator.next();
    } catch (error) {
      if (signal.aborted) throw error;
      const retry = retryWait(error, attempt);
      const limit = retry?.rateLimited ? MAX_RATE_LIMITED_ATTEMPTS : MAX_OTHER_ATTEMPTS;
      if (!retry || attempt >= limit || waitedMs + retry.waitMs > MAX_STALL_MS) throw error;
      waitedMs += retry.waitMs;
      onRetry?.(error, retry.waitMs);
      await sleep(retry.waitMs, signal);
    }
  }
}
