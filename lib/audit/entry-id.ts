/**
 * Entry ids are `<epochMs>-<seq>`, the Redis stream id format, in both stores: ids sort by time
 * and then by order of append, an entry's time is the millisecond of its id (so a time range is
 * an id range), and a page cursor is simply "older than this id".
 */
export interface EntryId {
  ms: number;
  seq: number;
}

const ID_PATTERN = /^(\d{1,16})-(\d{1,16})$/;

export function parseEntryId(id: string): EntryId | undefined {
  const match = ID_PATTERN.exec(id);
  if (!match) return undefined;
  const ms = Number(match[1]);
  const seq = Number(match[2]);
  return Number.isSafeInteger(ms) && Number.isSafeInteger(seq) ? { ms, seq } : undefined;
}

export const formatEntryId = (id: EntryId): string => `${id.ms}-${id.seq}`;

export const compareEntryIds = (a: EntryId, b: EntryId): number => a.ms - b.ms || a.seq - b.seq;

/** The id after `last` at wall-clock `now`; a clock that steps back never reorders entries. */
export function nextEntryId(last: EntryId | undefined, now: number): EntryId {
  if (!last || now > last.ms) return { ms: now, seq: 0 };
  return { ms: last.ms, seq: last.seq + 1 };
}

export const entryTime = (id: EntryId): string => new Date(id.ms).toISOString();
