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
    const buffer = await req.arrayBuffer();
    if (buffer.byteLength > MAX_BODY_BYTES) {
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
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: false, error: badRequest() };
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
