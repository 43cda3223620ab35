/**
 * Writes of the users file, for the CLI. Readers (the portal) must never see half a file, so a
 * write goes to a temp file in the same directory, is fsynced, then renamed over the old one
 * (atomic on POSIX); mode 0600 because the file holds password hashes. A lock file serialises
 * concurrent CLI runs so one edit cannot silently undo another.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseUsersFile, usersFileSchema, type UsersFile } from './user-schema';

/** The file's users, or none when it does not exist yet; a malformed file throws (never overwritten). */
export async function readUsersFileForUpdate(path: string): Promise<UsersFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { users: [] };
    throw error;
  }
  try {
    return parseUsersFile(text);
  } catch (error) {
    throw new Error(`users file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function writeUsersFile(path: string, file: UsersFile): Promise<void> {
  const text = `${JSON.stringify(usersFileSchema.parse(file), null, 2)}\n`;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

// Makes the rename itself durable across a power cut; not every platform can fsync a directory.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 5_000;

/** Runs `fn` holding `<path>.lock`; a lock older than 30 s is taken to be left by a crashed run. */
export async function withUsersFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) await unlink(lock).catch(() => undefined);
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another run; try again`);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
