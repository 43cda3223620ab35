/**
 * The Genesys Cloud client: one call = one allow-listed operation for one tenant, with the
 * tenant's token, pacing, retries under one deadline, typed errors and a validated body.
 *
 * Tenant isolation lives here: the URL comes only from the tenant's region (or the gateway),
 * the token only from the tenant's provider, and X-Genesys-Organization names the tenant's org
 * (the real API ignores it; the emulator rejects a mismatch, a tripwire for mixed-up credentials).
 */
import {
  API_OPERATIONS,
  type OperationId,
  type PathParams,
  type QueryParams,
  buildApiUrl,
  isRetrySafe,
} from './api-paths';
import { DEFAULT_BACKOFF } from './backoff';
import {
  GenesysApiError,
  GenesysContractError,
  GenesysTimeoutError,
  missingPermissionsMessage,
  parseMissingPermissions,
} from './errors';
import { MAX_RETRY_WAIT_MS, type RetryBudget, fetchWithRetry, networkError } from './fetch-with-retry';
import type {
  AccessToken,
  Clock,
  FetchLike,
  GenesysLogger,
  RateGovernor,
  TenantConnection,
  TokenProvider,
} from './ports';
import { parseRetryAfter } from './retry-after';
import { parseErrorBody } from './schemas/error-body';
import { type OperationResult, RESPONSE_SCHEMAS } from './schemas/operations';

export interface ClientDefaults {
  /** Attempts per request, first one included. */
  maxAttempts: number;
  /** One deadline over every attempt, wait and token fetch. */
  timeoutMs: number;
  /** Longest single wait worth sleeping inside a request; longer → RateLimitedError. */
  maxWaitMs: number;
  backoff?: { baseMs: number; capMs: number };
}

export interface GenesysClientOptions {
  fetch: FetchLike;
  clock: Clock;
  logger: GenesysLogger;
  tokenProvider: TokenProvider;
  governor: RateGovernor;
  /** Sends every call to this origin instead of api.{region} (the emulator, like the SDK's setGateway). */
  gatewayUrl?: URL | string;
  random?: () => number;
  createRequestId?: () => string;
  defaults: ClientDefaults;
}

/** Per-call knobs every resource function accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxWaitMs?: number;
  requestId?: string;
}

export type RequestOptions<Op extends OperationId> = CallOptions & {
  params?: PathParams<Op>;
  query?: QueryParams;
  body?: unknown;
};

type RequestArgs<Op extends OperationId> = [keyof PathParams<Op>] extends [never]
  ? [options?: RequestOptions<Op>]
  : [options: RequestOptions<Op> & { params: PathParams<Op> }];

export interface GenesysClient {
  request<Op extends OperationId>(
    tenant: TenantConnection,
    operation: Op,
    ...args: RequestArgs<Op>
  ): Promise<OperationResult<Op>>;
}

export function createGenesysClient(options: GenesysClientOptions): GenesysClient {
  const { clock, logger, tokenProvider, defaults } = options;
  const gatewayUrl = options.gatewayUrl === undefined ? undefined : new URL(options.gatewayUrl);
  const retryDeps = { ...options, random: options.random ?? Math.random };
  const createRequestId = options.createRequestId ?? (() => crypto.randomUUID());

  async function request<Op extends OperationId>(
    tenant: TenantConnection,
    operation: Op,
    ...[call = {}]: RequestArgs<Op>
  ): Promise<OperationResult<Op>> {
    const requestId = call.requestId ?? createRequestId();
    const url = buildApiUrl(tenant, operation, (call.params ?? {}) as PathParams<Op>, call.query, gatewayUrl);
    const budget: RetryBudget = {
      deadline: clock.now() + (call.timeoutMs ?? defaults.timeoutMs),
      maxWaitMs: Math.min(call.maxWaitMs ?? defaults.maxWaitMs, MAX_RETRY_WAIT_MS),
      maxAttempts: Math.max(1, defaults.maxAttempts),
      backoff: defaults.backoff ?? DEFAULT_BACKOFF,
      signal: call.signal,
    };
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const send = (token: AccessToken) =>
      fetchWithRetry(
        retryDeps,
        {
          tenant,
          operation,
          requestId,
          retrySafe: isRetrySafe(operation),
          url: url.toString(),
          method: API_OPERATIONS[operation].method,
          headers: {
            Authorization: `Bearer ${token.value}`,
            'X-Genesys-Organization': tenant.orgId,
            'X-Request-Id': requestId,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body,
        },
        budget,
      );

    const token = await getToken(tenant, operation, budget);
    let response = await send(token);
    let text = await readText(response, operation, budget);
    if (response.status === 401 && isRejectedToken(parseErrorBody(text).code)) {
      // Revoked or expired early: evict exactly this token (a newer one survives) and retry once.
      logger.info({ tenantId: tenant.tenantId, operation, requestId }, 'genesys token rejected; re-acquiring once');
      await tokenProvider.invalidate(tenant.tenantId, token.value);
      response = await send(await getToken(tenant, operation, budget));
      text = await readText(response, operation, budget);
    }
    if (!response.ok) throw toApiError(operation, response, text, clock.now());
    return parseBody(operation, response, text, { tenantId: tenant.tenantId, requestId });
  }

  async function getToken(tenant: TenantConnection, operation: string, budget: RetryBudget): Promise<AccessToken> {
    const timeout = AbortSignal.timeout(Math.max(1, budget.deadline - clock.now()));
    const signal = budget.signal ? AbortSignal.any([budget.signal, timeout]) : timeout;
    try {
      return await tokenProvider.getToken(tenant, { signal });
    } catch (error) {
      if (timeout.aborted && !budget.signal?.aborted) throw new GenesysTimeoutError(operation);
      throw error;
    }
  }

  async function readText(response: Response, operation: string, budget: RetryBudget): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      if (budget.signal?.aborted) throw budget.signal.reason;
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError' || clock.now() >= budget.deadline)
        throw new GenesysTimeoutError(operation);
      throw networkError(operation);
    }
  }

  function parseBody<Op extends OperationId>(
    operation: Op,
    response: Response,
    text: string,
    context: { tenantId: string; requestId: string },
  ): OperationResult<Op> {
    const correlationId = response.headers.get('inin-correlation-id') ?? undefined;
    let issues: string[];
    try {
      const parsed = RESPONSE_SCHEMAS[operation].safeParse(text === '' ? undefined : JSON.parse(text));
      if (parsed.success) return parsed.data as OperationResult<Op>;
      // Paths and zod's messages only: they name the expected type, never the received value.
      issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    } catch {
      issues = ['(root): body is not JSON'];
    }
    logger.error({ ...context, operation, correlationId, issues: issues.slice(0, 10) }, 'genesys contract violation');
    throw new GenesysContractError(operation, issues, correlationId);
  }

  return { request };
}

// `bad.credentials` is the documented code for an invalid/expired/revoked token;
// `credentials.expired` is only reported by a third-party client (UNVERIFIED) and costs
// nothing to treat alike. `authentication.required` means we sent no token: a bug, not retried.
const isRejectedToken = (code: string | undefined): boolean =>
  code === 'bad.credentials' || code === 'credentials.expired';

const MAX_MESSAGE = 500;

/** Non-2xx → GenesysApiError. Messages come from the ErrorBody; nothing of ours is echoed. */
export function toApiError(operation: string, response: Response, text: string, now: number): GenesysApiError {
  const body = parseErrorBody(text);
  const status = response.status;
  const code = body.code ?? `http.${status}`;
  const correlationId = response.headers.get('inin-correlation-id') ?? body.contextId;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  let message = (body.message ?? `Genesys Cloud answered HTTP ${status} for ${operation}.`).slice(0, MAX_MESSAGE);
  let missingPermissions: string[] = [];
  if (status === 403) {
    const params = Object.values(body.messageParams ?? {}).filter((value) => typeof value === 'string');
    missingPermissions = parseMissingPermissions(body.message, body.messageWithParams, ...params);
    if (missingPermissions.length > 0 || code.startsWith('missing.'))
      message = missingPermissionsMessage(operation, missingPermissions, code === 'missing.any.permissions');
  }
  return new GenesysApiError({ status, code, message, correlationId, retryAfterMs, missingPermissions });
}
