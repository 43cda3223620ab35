// EmulatorResult → Response: `ok: false` becomes the standard ErrorBody with contextId equal
// to the ININ-Correlation-Id header.
import type { EmulatorResult } from '../result';
import { errorResponse, jsonResponse } from './response';

export function toResponse(
  result: EmulatorResult,
  correlationId: string,
  headers: Record<string, string> = {},
): Response {
  if (result.ok) return jsonResponse(result.status ?? 200, result.body, correlationId, headers);
  return errorResponse(result.status, result.code, result.message, correlationId, result.details ?? [], headers);
}
