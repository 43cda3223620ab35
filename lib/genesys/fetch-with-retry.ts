/**
 * One upstream request with retries, pacing and one deadline over every attempt.
 *
 * - Retries only requests that are safe to send twice (idempotent methods, read-only POSTs), and
 *   only on 408, 429, 5xx and network failures: a 4xx is an answer, not an accident.
 * - A Retry-After is honoured to the millisecond, no jitter: the server knows when the budget
 *   frees up and jitter would only make us late. Without it, full-jitter backoff.
 * - A wait that does not fit the caller's budget is not slept: a 429 becomes RateLimitedError
 *   carrying the wait, so the route can answer 429 + Retry-After at once. Never waits > 180 s
 *   (the Go SDK and CLI give up at the same point, genesys-api.md §11). Any other failure whose
 *   retry would end past the deadline is a GenesysTimeoutError; one whose Retry-After exceeds
 *   maxWaitMs is returned as it is (the caller sees the upstream status and its Retry-After).
 */
import { type BackoffOptions, computeBackoff } from './backoff';
import { GenesysApiError, GenesysTimeoutError, RateLimitedError } from './errors';
import type { Clock, FetchLike, GenesysLogger, RateGovernor, TenantConnection } from './ports';
import { parseRetryAfter } from './retry-after';

export const MAX_RETRY_WAIT_MS = 180_000;

export interface RetryDeps {
  fetch: FetchLike;
  clock: Clock;
  governor: RateGovernor;
  logger: GenesysLogger;
  random: () => number;
}

export interface OutboundRequest {
  tenant: Pick<TenantConnection, 'tenantId' | 'rateLimitPerMinute'>;
  operation: string;
  requestId: string;
  /** Safe to send twice: idempotent method or a read-only POST. */
  retrySafe: boolean;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RetryBudget {
  /** Clock time after which no attempt starts and no wait ends. */
  deadline: number;
  /** The longest single wait (Retry-After, backoff, governor) worth sleeping in this request. */
  maxWaitMs: number;
  maxAttempts: number;
  backoff: Omit<BackoffOptions, 'random'>;
  signal?: AbortSignal;
}

const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

type Attempt = { response: Response } | { networkError: true };

/** Resolves with the final response (2xx or an error to map); throws the typed errors above. */
export async function fetchWithRetry(
  deps: RetryDeps,
  request: OutboundRequest,
  budget: RetryBudget,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendOnce(deps, request, budget, attempt);
    const response = 'response' in outcome ? outcome.response : undefined;
    if (response && !isRetryableStatus(response.status)) return response;

    const now = deps.clock.now();
    const retryAfterMs = parseRetryAfter(response?.headers.get('retry-after'), now);
    const waitMs = retryAfterMs ?? computeBackoff(attempt, { ...budget.backoff, random: deps.random });
    if (response?.status === 429) await penalize(deps, request, waitMs);

    const giveUp =
      !request.retrySafe || attempt >= budget.maxAttempts || waitMs > Math.min(budget.maxWaitMs, MAX_RETRY_WAIT_MS);
    if (giveUp || now + waitMs >= budget.deadline) {
      if (response?.status === 429) {
        discard(response);
        throw new RateLimitedError(request.tenant.tenantId, waitMs);
      }
      if (!giveUp) {
        // A retry is due but cannot finish before the deadline: out of time, not out of luck.
        discard(response);
        throw new GenesysTimeoutError(request.operation);
      }
      if (!response) throw networkError(request.operation);
      return response;
    }
    discard(response);
    await sleep(deps.clock, waitMs, budget, request.operation);
  }
}

async function sendOnce(
  deps: RetryDeps,
  request: OutboundRequest,
  budget: RetryBudget,
  attempt: number,
): Promise<Attempt> {
  throwIfOver(deps.clock, budget, request.operation);
  const remaining = budget.deadline - deps.clock.now();
  const release = await deps.governor.acquire(request.tenant, {
    maxWaitMs: Math.min(budget.maxWaitMs, remaining, MAX_RETRY_WAIT_MS),
    signal: budget.signal,
  });
  throwIfOver(deps.clock, budget, request.operation);
  // The clock decides when an attempt may start; a real timer bounds a hung socket.
  const timeout = AbortSignal.timeout(Math.max(1, budget.deadline - deps.clock.now()));
  const signal = budget.signal ? AbortSignal.any([budget.signal, timeout]) : timeout;
  const started = deps.clock.now();
  const { method, operation, requestId, tenant } = request;
  const log = { method, operation, attempt, tenantId: tenant.tenantId, requestId };
  try {
    const response = await deps.fetch(request.url, { method, headers: request.headers, body: request.body, signal });
    const correlationId = response.headers.get('inin-correlation-id') ?? undefined;
    deps.logger.debug(
      { ...log, status: response.status, durationMs: deps.clock.now() - started, correlationId },
      'genesys request',
    );
    return { response };
  } catch (error) {
    if (budget.signal?.aborted) throw abortReason(budget.signal, operation);
    if (timeout.aborted) throw new GenesysTimeoutError(operation);
    // Only the error's class is logged: messages of transport errors may carry the URL.
    const errorName = error instanceof Error ? error.name : typeof error;
    deps.logger.debug(
      { ...log, status: 0, durationMs: deps.clock.now() - started, errorName },
      'genesys request failed',
    );
    return { networkError: true };
  } finally {
    release();
  }
}

/** Frees the connection of an answer we will not read; not awaited (some bodies never settle a cancel). */
function discard(response: Response | undefined): void {
  response?.body?.cancel().catch(() => undefined);
}

async function penalize(deps: RetryDeps, request: OutboundRequest, waitMs: number): Promise<void> {
  try {
    await deps.governor.penalize(request.tenant.tenantId, waitMs);
  } catch (error) {
    // Pacing is an optimisation; a failing governor store must not fail the request.
    const errorName = error instanceof Error ? error.name : typeof error;
    deps.logger.warn(
      { tenantId: request.tenant.tenantId, requestId: request.requestId, errorName },
      'governor penalize failed',
    );
  }
}

async function sleep(clock: Clock, ms: number, budget: RetryBudget, operation: string): Promise<void> {
  try {
    await clock.sleep(ms, budget.signal);
  } catch (error) {
    if (budget.signal?.aborted) throw abortReason(budget.signal, operation);
    throw error;
  }
}

function throwIfOver(clock: Clock, budget: RetryBudget, operation: string): void {
  if (budget.signal?.aborted) throw abortReason(budget.signal, operation);
  if (clock.now() >= budget.deadline) throw new GenesysTimeoutError(operation);
}

/** A caller's own deadline (AbortSignal.timeout) is a timeout too; any other abort is theirs. */
function abortReason(signal: AbortSignal, operation: string): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return new GenesysTimeoutError(operation);
  return reason;
}

export function networkError(operation: string): GenesysApiError {
  return new GenesysApiError({
    status: 502,
    code: 'network.error',
    message: `Genesys Cloud could not be reached for ${operation} (network error).`,
  });
}
