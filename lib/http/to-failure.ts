import { mapError } from './error-response';

/**
 * A failure as a page shows it in place of data that did not load: the mapped message and code
 * (the same as a failed route would answer), the request id to quote, and what the user can act
 * on: the Genesys permissions the tenant's OAuth client lacks (403) and how long to wait (429).
 */
export interface Failure {
  code: string;
  message: string;
  requestId: string;
  /** Genesys permissions the tenant's OAuth client lacks (upstream 403). */
  missingPermissions?: string[];
  /** The mapped Retry-After of a 429. */
  retryAfterSeconds?: number;
}

function retryAfterOf(headers: Record<string, string> | undefined): number | undefined {
  // Header names are case-insensitive; an ApiError may carry its own spelling.
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'retry-after');
  const value = name === undefined ? undefined : headers?.[name];
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function permissionsOf(extra: Record<string, unknown> | undefined): string[] | undefined {
  const missing = extra?.missingPermissions;
  if (!Array.isArray(missing)) return undefined;
  const names = missing.filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? names : undefined;
}

/** Anything thrown, mapped once through mapError (never its raw message), as a Failure. */
export function toFailure(error: unknown, requestId: string): Failure {
  const { code, message, headers, extra } = mapError(error);
  const missingPermissions = permissionsOf(extra);
  const retryAfterSeconds = retryAfterOf(headers);
  return {
    code,
    message,
    requestId,
    ...(missingPermissions ? { missingPermissions } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}
