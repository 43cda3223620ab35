// Every emulator response goes through here, so the headers the real API always sends
// (genesys-api.md §12) are never forgotten, and the ones it no longer sends never appear.
import type { EmulatorErrorDetail } from '../result';

export const NO_CACHE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-cache, no-store, must-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
};

export type ErrorBody = {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: EmulatorErrorDetail[];
  errors: ErrorBody[];
};

export function jsonResponse(
  status: number,
  body: unknown,
  correlationId: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = new Headers({
    ...NO_CACHE_HEADERS,
    'Content-Type': 'application/json',
    'ININ-Correlation-Id': correlationId,
    ...extraHeaders,
  });
  // 204/304 must not carry a body; nothing in the emulator sends them today, but be safe.
  const text = status === 204 || status === 304 ? null : JSON.stringify(body ?? null);
  return new Response(text, { status, headers });
}

/** Raw text (the config service's "malformed" mode) with the same header discipline. */
export function textResponse(
  status: number,
  text: string,
  correlationId: string,
  contentType = 'application/json',
): Response {
  return new Response(text, {
    status,
    headers: { ...NO_CACHE_HEADERS, 'Content-Type': contentType, 'ININ-Correlation-Id': correlationId },
  });
}

export const errorBody = (
  status: number,
  code: string,
  message: string,
  contextId: string,
  details: EmulatorErrorDetail[] = [],
): ErrorBody => ({ message, code, status, contextId, details, errors: [] });

export const errorResponse = (
  status: number,
  code: string,
  message: string,
  correlationId: string,
  details: EmulatorErrorDetail[] = [],
  extraHeaders: Record<string, string> = {},
): Response =>
  jsonResponse(status, errorBody(status, code, message, correlationId, details), correlationId, extraHeaders);
