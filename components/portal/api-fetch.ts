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
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

function toFailure(status: number, body: unknown, retryAfter: string | null): ApiFailure {
  const error = (body as { error?: Partial<ApiFailure> } | null)?.error;
  const seconds = retryAfter === null ? undefined : Number(retryAfter);
  return {
    code: typeof error?.code === 'string' ? error.code : `http_${status}`,
    message: typeof error?.message === 'string' ? error.message : `The portal answered ${status}.`,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
    missingPermissions: Array.isArray(error?.missingPermissions) ? error.missingPermissions : undefined,
    retryAfterSeconds: seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
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
