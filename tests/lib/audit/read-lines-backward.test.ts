import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readLinesBackward } from '../../../lib/audit/read-lines-backward';

const dir = mkdtempSync(join(tmpdir(), 'audit-lines-'));

async function backward(text: string, chunkBytes: number, maxLineBytes?: number): Promise<string[]> {
  const path = join(dir, 'lines.txt');
  writeFileSync(path, text);
  const file = await open(path, 'r');
  try {
    const lines: string[] = [];
    for await (const line of readLinesBackward(file, Buffer.byteLength(text), { chunkBytes, maxLineBytes }))
      lines.push(line);
    return lines;
  } finally {
    await file.close();
  }
}

it('yields the non-empty lines in reverse for any text and chunk size, multi-byte safe (fast-check)', async () => {
  const line = fc.string({ unit: fc.constantFrom('a', 'é', '日', '😀', ' ', '"'), maxLength: 12 });
  await fc.assert(
    fc.asyncProperty(
      fc.array(line, { maxLength: 20 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 9 }),
      async (lines, trailing, chunk) => {
        const text = lines.join('\n') + (trailing ? '\n' : '');
        expect(await backward(text, chunk)).toEqual(lines.filter((l) => l !== '').reverse());
      },
    ),
    { numRuns: 150 },
  );
});

it('skips a line longer than maxLineBytes instead of buffering it', async () => {
  const text = `first\n${'x'.repeat(5000)}\nlast\n`;
  expect(await backward(text, 64, 1000)).toEqual(['last', 'first']);
  expect(await backward(`${'y'.repeat(5000)}\nlast`, 64, 1000)).toEqual(['last']);
});
