import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileUserStore, type UsersFileError } from '@/lib/auth/user-file-store';
import { readUsersFileForUpdate, withUsersFileLock, writeUsersFile } from '@/lib/auth/user-file-write';
import { createMemoryUserStore, toPortalUser } from '@/lib/auth/user-store';
import { makeUser, tempDir } from './user-fixtures';

describe('memory user store', () => {
  it('finds by any-case email and by id; lists copies', async () => {
    const alice = await makeUser();
    const store = createMemoryUserStore([alice]);
    expect((await store.findByEmail(' ALICE@example.test '))?.id).toBe('u-alice');
    expect((await store.findById('u-alice'))?.email).toBe('alice@example.test');
    expect(await store.findByEmail('bob@example.test')).toBeUndefined();
    expect(await store.findById('u-bob')).toBeUndefined();
    (await store.list()).pop();
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses duplicates like the file does', async () => {
    const alice = await makeUser();
    expect(() => createMemoryUserStore([alice, { ...alice, id: 'u-2' }])).toThrow(/duplicate email/);
  });

  it('toPortalUser drops the hash and bookkeeping', async () => {
    const portalUser = toPortalUser(await makeUser());
    expect(Object.keys(portalUser).sort()).toEqual(['disabled', 'email', 'grants', 'id', 'name', 'role']);
  });
});

describe('file user store', () => {
  it('reloads when the file changes, so CLI edits apply without a restart', async () => {
    const path = join(tempDir(), 'users.json');
    const alice = await makeUser();
    await writeUsersFile(path, { users: [alice] });
    const store = createFileUserStore({ path });
    expect((await store.findByEmail('alice@example.test'))?.disabled).toBe(false);
    await writeUsersFile(path, { users: [{ ...alice, disabled: true }] });
    expect((await store.findByEmail('alice@example.test'))?.disabled).toBe(true);
  });

  it('also notices an in-place edit that keeps the inode (mtime/size)', async () => {
    const path = join(tempDir(), 'users.json');
    const alice = await makeUser();
    writeFileSync(path, JSON.stringify({ users: [alice] }));
    const store = createFileUserStore({ path });
    expect(await store.list()).toHaveLength(1);
    const bob = await makeUser({ id: 'u-bob', email: 'bob@example.test' });
    writeFileSync(path, JSON.stringify({ users: [alice, bob] }));
    expect((await store.findById('u-bob'))?.email).toBe('bob@example.test');
  });

  it('a malformed file is reported once, naming the problem, and the last valid list stays', async () => {
    const path = join(tempDir(), 'users.json');
    const alice = await makeUser();
    await writeUsersFile(path, { users: [alice] });
    const onError = vi.fn<(error: UsersFileError) => void>();
    const store = createFileUserStore({ path, onError });
    await store.list();
    writeFileSync(path, JSON.stringify({ users: [{ ...alice, role: 'root' }] }));
    expect((await store.findByEmail('alice@example.test'))?.role).toBe('ops');
    expect((await store.findByEmail('alice@example.test'))?.role).toBe('ops');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].message).toMatch(new RegExp(`users file ${path}: users\\.0\\.role`));
    await writeUsersFile(path, { users: [{ ...alice, role: 'auditor' }] });
    expect((await store.findByEmail('alice@example.test'))?.role).toBe('auditor');
  });

  it('with no valid version ever read, lookups fail with a clear error', async () => {
    const dir = tempDir();
    const missing = createFileUserStore({ path: join(dir, 'nope.json') });
    await expect(missing.findByEmail('a@b.test')).rejects.toThrow(
      /nope\.json: not found \(create it with `npm run user/,
    );
    writeFileSync(join(dir, 'bad.json'), '{ "users": [ }');
    const bad = createFileUserStore({ path: join(dir, 'bad.json') });
    await expect(bad.list()).rejects.toThrow(/bad\.json: not valid JSON/);
  });

  it('concurrent lookups share one read', async () => {
    const path = join(tempDir(), 'users.json');
    await writeUsersFile(path, { users: [await makeUser()] });
    const store = createFileUserStore({ path });
    const results = await Promise.all(Array.from({ length: 20 }, () => store.findById('u-alice')));
    expect(new Set(results).size).toBe(1);
  });
});

describe('users file writes', () => {
  it('are atomic: mode 0600, no temp files left, the previous content intact on failure', async () => {
    const dir = tempDir();
    const path = join(dir, 'users.json');
    const alice = await makeUser();
    await writeUsersFile(path, { users: [alice] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['users.json']);
    // An invalid list is refused before anything touches the disk.
    await expect(writeUsersFile(path, { users: [alice, alice] })).rejects.toThrow(/duplicate/);
    expect((await readUsersFileForUpdate(path)).users).toEqual([alice]);
    // An unwritable directory fails the write and leaves the old file as it was.
    chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() !== 0) await expect(writeUsersFile(path, { users: [] })).rejects.toThrow();
    } finally {
      chmodSync(dir, 0o700);
    }
    expect((await readUsersFileForUpdate(path)).users).toEqual([alice]);
    expect(readdirSync(dir)).toEqual(['users.json']);
  });

  it('reading for update: missing file is empty, a malformed one is an error (never overwritten)', async () => {
    const dir = tempDir();
    expect(await readUsersFileForUpdate(join(dir, 'none.json'))).toEqual({ users: [] });
    writeFileSync(join(dir, 'bad.json'), 'nope');
    await expect(readUsersFileForUpdate(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
  });

  it('the lock serialises concurrent edits so none is lost', async () => {
    const path = join(tempDir(), 'users.json');
    const users = await Promise.all(
      Array.from({ length: 5 }, (_, i) => makeUser({ id: `u-${i}`, email: `u${i}@example.test` })),
    );
    await Promise.all(
      users.map((user) =>
        withUsersFileLock(path, async () => {
          const file = await readUsersFileForUpdate(path);
          await new Promise((resolve) => setTimeout(resolve, 5));
          await writeUsersFile(path, { users: [...file.users, user] });
        }),
      ),
    );
    expect((await readUsersFileForUpdate(path)).users.map((u) => u.id).sort()).toEqual(users.map((u) => u.id));
  });
});
