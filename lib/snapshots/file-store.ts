/**
 * Snapshots as files beside the audit log (no Redis: a single instance, like the audit file):
 * `snapshots/<tenantId>/<id>.json` (the meta) and `<id>.jsonl` (one user per line). Rows stream
 * to `<id>.jsonl.partial` as they are taken and are renamed into place once fsynced; the meta is
 * replaced atomically (temp file, fsync, rename, directory fsync). Files 0600, directories 0700.
 * No `server-only`: the tests drive this under plain Vitest (getSnapshotStore is the server door).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { assertTenantId, createMetaTracker, newestFirst, SnapshotCorruptError, type SnapshotStore } from './store';
import { snapshotIdSchema, snapshotMetaSchema, snapshotRowSchema, type SnapshotMeta } from './types';

export interface FileSnapshotStoreOptions {
  directory: string;
  now?: () => number;
}

/** "Kept with the audit store": the `snapshots` directory next to the audit file. */
export const snapshotDirectoryFor = (auditFile: string) => join(dirname(auditFile), 'snapshots');

const META_FILE = /^([0-9a-f-]{36})\.json$/;

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(text);
    await file.datasync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

function parseMeta(text: string): SnapshotMeta | undefined {
  try {
    const parsed = snapshotMetaSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createFileSnapshotStore({ directory, now = Date.now }: FileSnapshotStoreOptions): SnapshotStore {
  const tenantDirectory = (tenantId: string) => {
    assertTenantId(tenantId);
    return join(directory, tenantId);
  };
  const metaPath = (tenantId: string, id: string) => join(tenantDirectory(tenantId), `${id}.json`);
  const rowsPath = (tenantId: string, id: string) => join(tenantDirectory(tenantId), `${id}.jsonl`);

  async function get(tenantId: string, id: string): Promise<SnapshotMeta | undefined> {
    if (!snapshotIdSchema.safeParse(id).success) return undefined;
    let text: string;
    try {
      text = await readFile(metaPath(tenantId, id), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const meta = parseMeta(text);
    // A meta naming another tenant or id (a file copied by hand) is not this snapshot.
    return meta && meta.tenantId === tenantId && meta.id === id ? meta : undefined;
  }

  return {
    async begin({ tenantId, createdBy, filter, requestId }) {
      await mkdir(tenantDirectory(tenantId), { recursive: true, mode: 0o700 });
      const id = randomUUID();
      const at = new Date(now()).toISOString();
      const tracker = createMetaTracker(
        {
          id,
          tenantId,
          createdAt: at,
          createdBy,
          filter,
          status: 'taking',
          total: 0,
          expected: null,
          updatedAt: at,
          ...(requestId ? { requestId } : {}),
        },
        now,
      );
      const partial = `${rowsPath(tenantId, id)}.partial`;
      const rows: FileHandle = await open(partial, 'wx', 0o600);
      await writeAtomic(metaPath(tenantId, id), JSON.stringify(tracker.current));
      const save = (changes: Partial<SnapshotMeta>) => {
        const meta = tracker.update(changes);
        return writeAtomic(metaPath(tenantId, id), JSON.stringify(meta)).then(() => meta);
      };
      return {
        id,
        async append(batch, expected) {
          if (batch.length > 0) await rows.write(batch.map((row) => `${JSON.stringify(row)}\n`).join(''));
          await save({ total: tracker.current.total + batch.length, expected });
        },
        async complete(expected, details = {}) {
          await rows.datasync();
          await rows.close();
          await rename(partial, rowsPath(tenantId, id));
          await syncDirectory(tenantDirectory(tenantId));
          return save({ status: 'complete', expected, ...details });
        },
        async fail(message) {
          await rows.close().catch(() => undefined);
          await unlink(partial).catch(() => undefined);
          return save({ status: 'failed', error: message });
        },
      };
    },

    async list(tenantId) {
      let names: string[];
      try {
        names = await readdir(tenantDirectory(tenantId));
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const ids = names.flatMap((name) => META_FILE.exec(name)?.[1] ?? []);
      const metas = await Promise.all(ids.map((id) => get(tenantId, id)));
      return metas.filter((meta): meta is SnapshotMeta => meta !== undefined).sort(newestFirst);
    },

    get,

    async *rows(tenantId, id) {
      if (!snapshotIdSchema.safeParse(id).success) throw new SnapshotCorruptError('Not a snapshot id');
      const input = createReadStream(rowsPath(tenantId, id), { encoding: 'utf8' });
      const lines = createInterface({ input, crlfDelay: Infinity });
      try {
        for await (const line of lines) {
          const row = parseRow(line);
          if (!row) throw new SnapshotCorruptError(`Snapshot ${id} has a damaged row`);
          yield row;
        }
      } catch (error) {
        if (isMissing(error)) throw new SnapshotCorruptError(`Snapshot ${id} has no rows file`);
        throw error;
      } finally {
        lines.close();
        input.destroy();
      }
    },

    async abandon(tenantId, id, message) {
      const meta = await get(tenantId, id);
      if (meta?.status !== 'taking') return meta;
      await unlink(`${rowsPath(tenantId, id)}.partial`).catch(ignoreMissing);
      const failed: SnapshotMeta = {
        ...meta,
        status: 'failed',
        error: message,
        updatedAt: new Date(now()).toISOString(),
      };
      await writeAtomic(metaPath(tenantId, id), JSON.stringify(failed));
      return failed;
    },

    async remove(tenantId, id) {
      if (!snapshotIdSchema.safeParse(id).success) return;
      // The meta goes first: a snapshot without it is not listed, whatever is left beside it.
      await unlink(metaPath(tenantId, id)).catch(ignoreMissing);
      await unlink(rowsPath(tenantId, id)).catch(ignoreMissing);
      await unlink(`${rowsPath(tenantId, id)}.partial`).catch(ignoreMissing);
    },

    close: () => Promise.resolve(),
  };
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}

function parseRow(line: string) {
  try {
    const parsed = snapshotRowSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
