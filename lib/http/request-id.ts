/** Request ids follow a request through proxy, handlers, logs, upstream calls and error bodies. */
export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a well-formed id from a trusted front proxy; anything else is replaced (no log injection). */
export function resolveRequestId(incoming: string | null): string {
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
}
