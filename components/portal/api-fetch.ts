/**
 * Browser-side JSON fetch of the portal's own API. Every answer is either the payload or the
 * portal's one error shape, so callers render `message` and `requestId` without guessing.
 */
export interface ApiFailure {
  code: string;
  message: string;
  requestId?: string;
  missingPermissions?: string[];
  retryAfterSeconds?: number;
  /** The error body's other fields (e.g. a 409's `current`), as the portal sent them. */
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

function toFailure(status: number, body: unknown, retryAfter: string | null): ApiFailure {
  const error = (body as { error?: Partial<ApiFailure> } | null)?.error;
  const seconds = retryAfter === null ? undefined : Number(retryAfter);
  const {
    code: _c,
    message: _m,
    requestId: _r,
    missingPermissions: _p,
    ...rest
  } = (error ?? {}) as Record<string, unknown>;
  return {
    code: typeof error?.code === 'string' ? error.code : `http_${status}`,
    message: typeof error?.message === 'string' ? error.message : `The portal answered ${status}.`,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
    missingPermissions: Array.isArray(error?.missingPermissions) ? error.missingPermissions : undefined,
    retryAfterSeconds: seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
    details: Object.keys(rest).length > 0 ? rest : undefined,
  };
}

/** Throws only AbortError (the caller cancelled); every other failure is a value. */
export async function fetchApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    return { ok: false, error: { code: 'network_error', message: 'The portal could not be reached.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (init.signal?.aborted) throw init.signal.reason;
  if (!response.ok) return { ok: false, error: toFailure(response.status, body, response.headers.get('retry-after')) };
  return { ok: true, data: body as T };
}

export const isAbort = (error: unknown) =>
  (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
