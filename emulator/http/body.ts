// Request-body reading that cannot throw: every failure becomes the ErrorBody the real API
// would send (415 for a non-JSON content type, 400 for syntax), never a 500.
import type { EmulatorResult } from '../result';
import { badRequest, unsupportedMediaType } from './errors';

/** request.bytes.max from the org limits (genesys-api.md §11). */
export const MAX_BODY_BYTES = 512_000;

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: EmulatorResult };

const isJsonContentType = (value: string | null): boolean =>
  value !== null && /^application\/json\s*(;.*)?$/i.test(value.trim());

export async function readText(
  req: Request,
): Promise<{ ok: true; text: string } | { ok: false; error: EmulatorResult }> {
  try {
    const buffer = await readBounded(req);
    if (buffer === undefined) {
      // Exact status/code for an oversized body is UNVERIFIED; 413 is the HTTP-standard answer.
      return {
        ok: false,
        error: {
          ok: false,
          status: 413,
          code: 'request.entity.too.large',
          message: `The request body exceeds the maximum of ${MAX_BODY_BYTES} bytes.`,
        },
      };
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(buffer) };
  } catch {
    return { ok: false, error: badRequest('The request body could not be read.') };
  }
}

/**
 * The body, or undefined when it exceeds MAX_BODY_BYTES. `req.arrayBuffer()` would buffer a
 * multi-gigabyte upload whole just to refuse it; past the limit the rest is drained and
 * dropped instead (not cancelled: cancelling the node request stream destroys the socket
 * before the 413 can be written).
 */
async function readBounded(req: Request): Promise<Uint8Array | undefined> {
  if (req.body === null) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= MAX_BODY_BYTES) chunks.push(value);
    else chunks.length = 0;
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

/** Reads a JSON body. An empty body is reported as missing (400), never parsed as `null`. */
export async function readJsonBody(req: Request): Promise<BodyResult> {
  const read = await readText(req);
  if (!read.ok) return read;
  const contentType = req.headers.get('content-type');
  if (read.text.trim() === '') {
    if (contentType !== null && !isJsonContentType(contentType)) return { ok: false, error: unsupportedMediaType() };
    return { ok: false, error: badRequest('A request body is required.') };
  }
  if (!isJsonContentType(contentType)) return { ok: false, error: unsupportedMediaType() };
  let value: unknown;
  try {
    value = JSON.parse(read.text) as unknown;
  } catch {
    return { ok: false, error: badRequest() };
  }
  return tooDeep(value) ? { ok: false, error: tooDeepError() } : { ok: true, value };
}

// JSON.parse copes with any nesting, but the recursive validators behind it (zod's lazy search
// criteria, the analytics filter) overflow the stack at a few hundred levels, which surfaced as
// a 500. Real bodies nest a handful of levels; the real API's own cap is UNVERIFIED (Jackson
// refuses deep nesting too), so 64 is a conservative guard answered with a 400.
export const MAX_JSON_DEPTH = 64;

/** True when arrays/objects nest deeper than `max`; iterative, so it cannot overflow itself. */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

export const tooDeepError = (): EmulatorResult =>
  badRequest(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
