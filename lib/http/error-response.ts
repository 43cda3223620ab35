import { ZodError } from 'zod';
import { AuditUnavailableError } from '../audit/types';
import {
  GenesysApiError,
  GenesysContractError,
  GenesysTimeoutError,
  RateLimitedError,
  TenantAccessError,
} from '../genesys/errors';
import { ApiError } from './api-error';
import { isStoreUnavailable, STORE_UNAVAILABLE } from './store-unavailable';

export interface ErrorBody {
  error: { code: string; message: string; requestId: string } & Record<string, unknown>;
}

interface Mapped {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

// zod quotes offending keys in full; an answer never echoes more than a short piece of input.
const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

const retryAfter = (ms: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) });

function mapGenesys(error: GenesysApiError): Mapped {
  const upstream = { upstreamCode: error.code, correlationId: error.correlationId };
  switch (error.status) {
    case 401: // the portal's credentials, not the user's session: never a 401 to the browser
      return {
        status: 502,
        code: 'upstream_auth_failed',
        message: 'Genesys Cloud rejected the tenant credentials.',
        extra: upstream,
      };
    case 403:
      return {
        status: 403,
        code: 'upstream_forbidden',
        message: error.message,
        extra: { ...upstream, missingPermissions: error.missingPermissions },
      };
    case 404:
      return { status: 404, code: 'not_found', message: 'Not found in Genesys Cloud.', extra: upstream };
    case 409:
      return {
        status: 409,
        code: 'conflict',
        message: 'Someone changed this in Genesys Cloud meanwhile.',
        extra: upstream,
      };
    case 429:
      return {
        status: 429,
        code: 'rate_limited',
        message: 'Genesys Cloud rate limit reached; retry later.',
        headers: retryAfter(error.retryAfterMs ?? 1000),
        extra: upstream,
      };
    case 400:
    case 422:
      return { status: 422, code: 'upstream_rejected', message: error.message, extra: upstream };
    default:
      return {
        status: 502,
        code: 'upstream_error',
        message: 'Genesys Cloud is not answering correctly.',
        extra: upstream,
      };
  }
}

/** The one mapping from anything thrown to the portal's error body (shared/architecture.md). */
export function mapError(error: unknown): Mapped {
  if (error instanceof ApiError) return { ...error, message: error.message };
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 10).map((i) => ({ path: clip(i.path.join('.')), message: clip(i.message) }));
    return { status: 422, code: 'invalid_input', message: 'The request is not valid.', extra: { issues } };
  }
  if (error instanceof GenesysApiError) return mapGenesys(error);
  if (error instanceof RateLimitedError)
    return { status: 429, code: 'rate_limited', message: error.message, headers: retryAfter(error.retryAfterMs) };
  if (error instanceof GenesysTimeoutError)
    return { status: 504, code: 'upstream_timeout', message: 'Genesys Cloud did not answer in time.' };
  if (error instanceof GenesysContractError)
    return { status: 502, code: 'upstream_contract', message: 'Genesys Cloud answered in an unexpected shape.' };
  if (error instanceof TenantAccessError) return { status: 503, code: error.code, message: error.message };
  if (error instanceof AuditUnavailableError)
    return { status: 503, code: 'audit_unavailable', message: 'The change was refused: it could not be audited.' };
  if (isStoreUnavailable(error)) {
    const { status, code, message, retryAfterSeconds } = STORE_UNAVAILABLE;
    return { status, code, message, headers: { 'Retry-After': String(retryAfterSeconds) } };
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong on the server.' };
}

export function errorResponse(error: unknown, requestId: string): Response {
  const mapped = mapError(error);
  const body: ErrorBody = { error: { code: mapped.code, message: mapped.message, requestId, ...mapped.extra } };
  return Response.json(body, {
    status: mapped.status,
    headers: { 'Cache-Control': 'private, no-store', ...mapped.headers },
  });
}
