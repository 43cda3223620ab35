import { describe, expect, it, vi } from 'vitest';
import type { UserCsvRecord } from '@/lib/users-export/csv';
import { createUsersCsvStream, type ExportOutcome } from '@/lib/users-export/csv-stream';
import { toUserRecord } from '@/lib/users-export/user-record';
import { parseCsv } from '../audit-export/support/parse-csv';

const record = (n: number): UserCsvRecord =>
  toUserRecord(
    { id: `u-${n}`, name: `User ${n}`, state: 'active' },
    { division: () => undefined, manager: () => undefined },
  );

/** A rows source answering the given batches, then undefined; `failAt` throws instead. */
function source(batches: UserCsvRecord[][], failAt?: number) {
  let index = 0;
  return {
    next: vi.fn(() =>
      index === failAt ? Promise.reject(new Error('upstream gone')) : Promise.resolve(batches[index++]),
    ),
    close: vi.fn(),
  };
}

const HEAD = '# tenant=t\r\nid\r\n';

describe('createUsersCsvStream', () => {
  it('sends the head, then a chunk per batch, skipping empty ones, and ends complete', async () => {
    const rows = source([[record(1), record(2)], [], [record(3)]]);
    const ends: ExportOutcome[] = [];
    const text = await new Response(createUsersCsvStream(HEAD, rows, (end) => ends.push(end))).text();
    expect(text.startsWith(HEAD)).toBe(true);
    expect(parseCsv(text.slice(HEAD.length)).map((row) => row[0])).toEqual(['u-1', 'u-2', 'u-3']);
    expect(ends).toEqual([{ outcome: 'complete' }]);
  });

  it('pulls a batch only when the reader wants more (one chunk queued ahead at most)', async () => {
    const rows = source([[record(1)], [record(2)], [record(3)], [record(4)]]);
    const reader = createUsersCsvStream(HEAD, rows).getReader();
    await reader.read(); // the head
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rows.next.mock.calls.length).toBeLessThanOrEqual(1);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rows.next.mock.calls.length).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it('a cancelled body closes the rows source and ends as cancelled', async () => {
    const rows = source([[record(1)], [record(2)]]);
    const ends: ExportOutcome[] = [];
    const reader = createUsersCsvStream(HEAD, rows, (end) => ends.push(end)).getReader();
    await reader.read();
    await reader.cancel();
    expect(rows.close).toHaveBeenCalledTimes(1);
    expect(ends).toEqual([{ outcome: 'cancelled' }]);
  });

  it('a failure after the head errors the stream (the download ends short) and ends as failed', async () => {
    const rows = source([[record(1)]], 1);
    const ends: ExportOutcome[] = [];
    const body = createUsersCsvStream(HEAD, rows, (end) => ends.push(end));
    await expect(new Response(body).text()).rejects.toThrow('upstream gone');
    expect(rows.close).toHaveBeenCalled();
    expect(ends).toEqual([{ outcome: 'failed', error: new Error('upstream gone') }]);
  });
});
