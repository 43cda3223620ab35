/**
 * Opening the audit file for appends: create it (0600, in a 0700 directory when we create that
 * too), end a torn last line, and find the last id so ids keep growing across restarts.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseEntryId, type EntryId } from './entry-id';
import { readLinesBackward } from './read-lines-backward';

export interface Journal {
  file: FileHandle;
  size: number;
  lastId: EntryId | undefined;
}

const ID_PREFIX = /^\{"id":"(\d+-\d+)"/;

/** The id a line starts with: every line is written with `id` as its first key. */
export function peekLineId(line: string): EntryId | undefined {
  const match = ID_PREFIX.exec(line);
  return match ? parseEntryId(match[1]!) : undefined;
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function lastByte(file: FileHandle, size: number): Promise<number | undefined> {
  const byte = Buffer.alloc(1);
  await file.read(byte, 0, 1, size - 1);
  return byte[0];
}

export async function openJournal(path: string): Promise<Journal> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const file = await open(path, 'a+', 0o600);
  try {
    let { size } = await file.stat();
    // A new file's directory entry must be durable too, or a crash could lose the whole file.
    if (size === 0) await syncDirectory(dirname(path));
    else if ((await lastByte(file, size)) !== 0x0a) {
      // A write cut short (process killed) was never acknowledged. End the fragment so the next
      // entry starts on its own line; readers skip it. Nothing is deleted from an audit file.
      await file.appendFile('\n');
      await file.datasync();
      size += 1;
    }
    // The last id that was ever written, even on a torn line, so no id is handed out twice.
    let lastId: EntryId | undefined;
    for await (const line of readLinesBackward(file, size)) {
      if ((lastId = peekLineId(line))) break;
    }
    return { file, size, lastId };
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
}
