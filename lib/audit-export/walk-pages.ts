import type { AuditEntry, AuditPage } from '../audit/types';

export type AuditPageReader = (before: string | undefined) => Promise<AuditPage>;

/**
 * Every entry of a view, newest first, following the store's cursor: one bounded page in memory
 * at a time, and the next page is read only when the consumer asks for more. Pure.
 */
export async function* walkAuditPages(read: AuditPageReader, start?: string): AsyncGenerator<AuditEntry> {
  let before = start;
  do {
    const page = await read(before);
    yield* page.entries;
    before = page.nextCursor ?? undefined;
  } while (before !== undefined);
}
