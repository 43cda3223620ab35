/**
 * The audit log as an append-only JSONL file, for one instance without Redis (several instances
 * writing one file is not supported: use Redis). One line per entry, `{"id":"<ms>-<seq>",
 * "time":...,...}`; an append resolves only after its line is fsynced (fdatasync also persists
 * the file length). Appends queue in process and are group-committed: whatever queued during one
 * write+fsync is written next as one buffer with one fsync, so lines never interleave and a burst
 * does not wait for one fsync per entry. Any write or fsync failure rejects the whole batch with
 * AuditUnavailableError and reopens the file for the next append (which ends any torn line).
 * No `server-only`: the crash test drives this from a child process under plain tsx.
 */
import { open } from 'node:fs/promises';
import { collectPage, idAboveRange, idBelowRange, normalizeAuditQuery, type IdRange } from './audit-query';
import { compareEntryIds, entryTime, formatEntryId, nextEntryId, type EntryId } from './entry-id';
import { auditEntrySchema, parseStoredJson } from './entry-schema';
import { openJournal, peekLineId, type Journal } from './file-journal';
import { toStoredInput } from './mask-audit-input';
import { readLinesBackward } from './read-lines-backward';
import { AuditUnavailableError, type AuditEntry, type AuditEntryInput, type AuditLog } from './types';

export interface FileAuditLogOptions {
  path: string;
  maxScan?: number;
  now?: () => number;
}

interface Pending {
  input: AuditEntryInput;
  resolve(entry: AuditEntry): void;
  reject(error: unknown): void;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function* entriesInRange(lines: AsyncIterable<string>, range: IdRange): AsyncGenerator<AuditEntry> {
  for await (const line of lines) {
    const id = peekLineId(line);
    if (!id || idAboveRange(id, range)) continue; // a torn or foreign line has no id
    if (idBelowRange(id, range)) return; // ids only grow along the file
    const entry = parseStoredJson(auditEntrySchema, line);
    if (entry) yield entry;
  }
}

export function createFileAuditLog({ path, maxScan, now = Date.now }: FileAuditLogOptions): AuditLog {
  let journal: Journal | undefined; // only touched by the one batch being written, and by close
  let lastId: EntryId | undefined;
  let committedSize: number | undefined; // readers stop here: never show an entry not yet fsynced
  const queue: Pending[] = [];
  let draining: Promise<void> | undefined;
  let closed = false;

  async function writeBatch(batch: Pending[]): Promise<void> {
    try {
      if (!journal) {
        journal = await openJournal(path);
        committedSize = journal.size;
        if (journal.lastId && (!lastId || compareEntryIds(journal.lastId, lastId) > 0)) lastId = journal.lastId;
      }
      const entries = batch.map(({ input }): AuditEntry => {
        const id = (lastId = nextEntryId(lastId, now()));
        return { id: formatEntryId(id), time: entryTime(id), ...input };
      });
      const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      await journal.file.appendFile(text);
      await journal.file.datasync();
      committedSize = journal.size += Buffer.byteLength(text);
      batch.forEach((pending, index) => pending.resolve(entries[index]!));
    } catch (error) {
      const failed = journal;
      journal = undefined;
      await failed?.file.close().catch(() => undefined);
      const failure = new AuditUnavailableError(`Audit file ${path} is not writable: ${reason(error)}`);
      for (const pending of batch) pending.reject(failure);
    }
  }

  function drain(): void {
    draining ??= (async () => {
      while (queue.length > 0) await writeBatch(queue.splice(0));
    })().finally(() => {
      draining = undefined;
      if (queue.length > 0) drain(); // queued between the last check and this callback
    });
  }

  return {
    async append(input) {
      if (closed) throw new AuditUnavailableError('The audit log is closed');
      const stored = toStoredInput(input);
      return new Promise<AuditEntry>((resolve, reject) => {
        queue.push({ input: stored, resolve, reject });
        drain();
      });
    },

    async query(query) {
      const normalized = normalizeAuditQuery(query);
      let file;
      try {
        file = await open(path, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], nextCursor: null };
        throw new AuditUnavailableError(`Audit file ${path} is not readable: ${reason(error)}`);
      }
      try {
        const end = committedSize ?? (await file.stat()).size;
        const entries = entriesInRange(readLinesBackward(file, end), normalized.range);
        return await collectPage(entries, normalized, maxScan);
      } catch (error) {
        throw new AuditUnavailableError(`Audit file ${path} is not readable: ${reason(error)}`);
      } finally {
        await file.close();
      }
    },

    async close() {
      closed = true;
      while (draining) await draining;
      await journal?.file.close();
      journal = undefined;
    },
  };
}
