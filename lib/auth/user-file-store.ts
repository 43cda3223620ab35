/**
 * The users file (PORTAL_USERS_FILE) as a UserStore. Each lookup stats the file and re-reads it
 * when it changed (inode, size or mtime: the CLI's atomic rename always gives a new inode), so
 * `npm run user -- disable` applies without a restart. A bad edit never locks everyone out: the
 * last valid list stays in force and the problem is reported once per version of the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { createStoreOver, indexUsers, type UserIndex, type UserStore } from './user-store';
import { parseUsersFile } from './user-schema';

export class UsersFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`users file ${path}: ${problem}`);
    this.name = 'UsersFileError';
  }
}

export interface FileUserStoreOptions {
  path: string;
  /** Called once per bad version of the file (malformed, unreadable, missing) with what is wrong. */
  onError?: (error: UsersFileError) => void;
}

const describe = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'not found (create it with `npm run user -- add <email> ...`)'
    : error instanceof Error
      ? error.message
      : String(error);

export function createFileUserStore({ path, onError }: FileUserStoreOptions): UserStore {
  let current: (UserIndex & { stamp: string }) | undefined;
  let failure: { stamp: string; error: UsersFileError } | undefined;
  let inflight: Promise<void> | undefined;

  const fail = (stamp: string, error: unknown) => {
    if (failure?.stamp === stamp) return;
    failure = { stamp, error: new UsersFileError(path, describe(error)) };
    onError?.(failure.error);
  };

  async function refresh(): Promise<void> {
    let stamp = 'missing';
    try {
      const stats = await stat(path);
      stamp = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
      if (stamp === current?.stamp || stamp === failure?.stamp) return;
      const { users } = parseUsersFile(await readFile(path, 'utf8'));
      current = { ...indexUsers(users), stamp };
      failure = undefined;
    } catch (error) {
      fail(stamp, error);
    }
  }

  return createStoreOver(async () => {
    // One stat/read at a time however many requests arrive together.
    inflight ??= refresh().finally(() => (inflight = undefined));
    await inflight;
    if (current) return current;
    throw failure?.error ?? new UsersFileError(path, 'not loaded');
  });
}
