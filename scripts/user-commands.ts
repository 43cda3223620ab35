/**
 * What each `npm run user` command does to the users file. Every change runs under the file's
 * lock and is written atomically; the portal re-reads the file when it changes.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../lib/auth/passwords';
import type { StoredPortalUser } from '../lib/auth/types';
import { readUsersFileForUpdate, withUsersFileLock, writeUsersFile } from '../lib/auth/user-file-write';
import type { UserCommand } from './user-args';
import { describeGrants, formatUserTable } from './user-format';

export interface UserCliContext {
  path: string;
  readPassword(): Promise<string>;
  /** Ends the user's live sessions; false when there is no shared store to do it in. */
  bumpSessionVersion(userId: string): Promise<boolean>;
  out(line: string): void;
  note(line: string): void;
}

/** A failure that is not bad usage (exit 1): unknown user, duplicate email. */
export class UserCliError extends Error {}

type Update = (user: StoredPortalUser, now: string) => Promise<StoredPortalUser> | StoredPortalUser;

async function updateUser(ctx: UserCliContext, email: string, update: Update): Promise<StoredPortalUser> {
  return withUsersFileLock(ctx.path, async () => {
    const file = await readUsersFileForUpdate(ctx.path);
    const index = file.users.findIndex((user) => user.email === email);
    const existing = file.users[index];
    if (!existing) throw new UserCliError(`no user ${email} in ${ctx.path}`);
    const updated = await update(existing, new Date().toISOString());
    await writeUsersFile(ctx.path, { users: file.users.map((user, i) => (i === index ? updated : user)) });
    return updated;
  });
}

// Without Redis the portal's revocation counters live inside its process, out of reach here.
const WITHOUT_REDIS = {
  disable: 'the portal re-reads the users file and refuses a disabled user on the next request anyway.',
  passwd: 'sessions signed in with the old password last until they expire or sign out.',
};

async function endSessions(ctx: UserCliContext, user: StoredPortalUser, why: keyof typeof WITHOUT_REDIS) {
  if (await ctx.bumpSessionVersion(user.id)) ctx.out(`ended the live sessions of ${user.email}`);
  else ctx.note(`note: REDIS_URL is not set, so live sessions were not ended from here; ${WITHOUT_REDIS[why]}`);
}

export async function runUserCommand(command: UserCommand, ctx: UserCliContext): Promise<void> {
  switch (command.command) {
    case 'list': {
      const { users } = await readUsersFileForUpdate(ctx.path);
      ctx.out(formatUserTable(users));
      return;
    }
    case 'add': {
      const password = await ctx.readPassword();
      const passwordHash = await hashPassword(password);
      const user = await withUsersFileLock(ctx.path, async () => {
        const file = await readUsersFileForUpdate(ctx.path);
        if (file.users.some((u) => u.email === command.email))
          throw new UserCliError(`${command.email} already exists`);
        const now = new Date().toISOString();
        const { email, name, role, grants } = command;
        const added = {
          id: randomUUID(),
          email,
          name,
          role,
          grants,
          disabled: false,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        };
        await writeUsersFile(ctx.path, { users: [...file.users, added] });
        return added;
      });
      ctx.out(`added ${user.email} (${user.role}; ${describeGrants(user.grants)}) id ${user.id}`);
      return;
    }
    case 'passwd': {
      const password = await ctx.readPassword();
      const passwordHash = await hashPassword(password);
      const user = await updateUser(ctx, command.email, (u, now) => ({ ...u, passwordHash, updatedAt: now }));
      ctx.out(`changed the password of ${user.email}`);
      await endSessions(ctx, user, 'passwd');
      return;
    }
    case 'disable': {
      const user = await updateUser(ctx, command.email, (u, now) => ({ ...u, disabled: true, updatedAt: now }));
      ctx.out(`disabled ${user.email}`);
      await endSessions(ctx, user, 'disable');
      return;
    }
    case 'enable': {
      const user = await updateUser(ctx, command.email, (u, now) => ({ ...u, disabled: false, updatedAt: now }));
      ctx.out(`enabled ${user.email}`);
      return;
    }
    case 'help':
      return;
  }
}
