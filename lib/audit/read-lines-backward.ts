/**
 * The lines of a file from `end` backwards, so the newest audit entries come first and the latest
 * page of a large log costs a few kilobytes of reading. Splitting on the byte 0x0A is safe for
 * UTF-8 (it never occurs inside a multi-byte sequence). A line longer than maxLineBytes (only
 * corruption produces one) is skipped instead of being buffered whole.
 */
import type { FileHandle } from 'node:fs/promises';

export interface BackwardReadOptions {
  chunkBytes?: number;
  maxLineBytes?: number;
}

export async function* readLinesBackward(
  file: FileHandle,
  end: number,
  { chunkBytes = 64 * 1024, maxLineBytes = 1024 * 1024 }: BackwardReadOptions = {},
): AsyncGenerator<string> {
  let position = end;
  let carry = Buffer.alloc(0); // the start of the line at `position`, not yet complete
  let oversized = false;
  while (position > 0) {
    const size = Math.min(chunkBytes, position);
    position -= size;
    const chunk = Buffer.alloc(size);
    const { bytesRead } = await file.read(chunk, 0, size, position);
    if (bytesRead !== size) throw new Error('audit file shrank while it was read');
    const buffer = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
    let lineEnd = buffer.length;
    while (lineEnd > 0) {
      const newline = buffer.lastIndexOf(0x0a, lineEnd - 1);
      if (newline === -1) break;
      if (oversized) oversized = false;
      else if (lineEnd - newline > 1) yield buffer.toString('utf8', newline + 1, lineEnd);
      lineEnd = newline;
    }
    carry = buffer.subarray(0, lineEnd);
    if (carry.length > maxLineBytes) {
      carry = Buffer.alloc(0);
      oversized = true;
    }
  }
  if (carry.length > 0 && !oversized) yield carry.toString('utf8');
}
