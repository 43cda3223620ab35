import type { z } from 'zod';
import { ApiError } from './api-error';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body with a size cap (counted while streaming, so a lying Content-Length does
 * not help) and validates it with a strict zod schema: unknown fields are rejected by name.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BODY_BYTES) {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON.');
  }
  return schema.parse(data);
}

const tooLarge = (maxBytes: number) =>
  new ApiError(413, 'body_too_large', `The body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
