import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/passwords';
import { createFileUserStore } from '@/lib/auth/user-file-store';
import { parseUsersFile } from '@/lib/auth/user-schema';
import { parseUserArgs, UsageError } from '@/scripts/user-args';
import { checkPasswordPolicy } from '@/scripts/user-password';
import { tempDir } from '../lib/auth/user-fixtures';
import { runScript } from '../support/run-script';

const runCli = (args: string[], env: Record<string, string>) => runScript('scripts/user.ts', args, env, 30_000);

const FIRST = 'first-password-ÄÖ-🔑';
const SECOND = 'second-password-long';
const readUsers = (path: string) => parseUsersFile(readFileSync(path, 'utf8')).users;

const redisUrl = inject('redisUrl');
const redis = new Redis(redisUrl);
afterAll(() => redis.quit());

describe('npm run user', () => {
  it('add, list, passwd, disable, enable: the file changes, the portal sees it, sessions end, no secret is printed', async () => {
    const path = join(tempDir(), 'users.json');
    const env = { PORTAL_USERS_FILE: path, REDIS_URL: redisUrl };
    const outputs: string[] = [];
    const run = async (args: string[], extra: Record<string, string> = {}) => {
      const result = await runCli(args, { ...env, ...extra });
      outputs.push(result.stdout, result.stderr);
      return result;
    };

    // Two adds at once: the file lock serialises them, so neither is lost.
    const addAna = ['add', 'Ana@Example.com', '--name', 'Ana Ops', '--role', 'ops', '--tenants', 'acme-prod,globex-eu'];
    const addLee = ['add', 'lee@example.com', '--name', 'Lee', '--role', 'admin', '--all'];
    const [added, addedLee] = await Promise.all([
      run(addAna, { PORTAL_USER_PASSWORD: FIRST }),
      run(addLee, { PORTAL_USER_PASSWORD: FIRST }),
    ]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(addedLee).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^added ana@example\.com \(ops; tenants acme-prod,globex-eu\) id [0-9a-f-]{36}\n$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const users = readUsers(path);
    const ana = users.find((u) => u.email === 'ana@example.com');
    const lee = users.find((u) => u.email === 'lee@example.com');
    expect(ana).toMatchObject({ name: 'Ana Ops', role: 'ops', disabled: false });
    expect(ana?.grants).toEqual({ tenants: ['acme-prod', 'globex-eu'], groups: [] });
    expect(lee?.grants).toEqual({ all: true });
    expect(await verifyPassword(FIRST, ana!.passwordHash)).toBe(true);
    expect(ana!.passwordHash.startsWith('scrypt$32768$8$3$')).toBe(true);

    const store = createFileUserStore({ path });
    expect((await store.findByEmail('ana@example.com'))?.disabled).toBe(false);

    const listed = await run(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ana@example\.com\s+Ana Ops\s+ops\s+active\s+tenants acme-prod,globex-eu/);
    expect(listed.stdout).toMatch(/lee@example\.com\s+Lee\s+admin\s+active\s+all tenants/);
    expect(listed.stdout).toContain('2 users');
    expect(listed.stdout).not.toContain('scrypt');
    expect(listed.stdout).not.toContain(ana!.passwordHash.split('$')[5]);

    // passwd and disable bump the session version, which kills every older cookie.
    const versionKey = `portal:user:${ana!.id}:session-version`;
    const passwd = await run(['passwd', 'ANA@example.com'], { PORTAL_USER_PASSWORD: SECOND });
    expect(passwd).toMatchObject({ code: 0, stderr: '' });
    expect(passwd.stdout).toBe('changed the password of ana@example.com\nended the live sessions of ana@example.com\n');
    expect(await redis.get(versionKey)).toBe('1');
    const changed = readUsers(path).find((u) => u.id === ana!.id)!;
    expect(await verifyPassword(SECOND, changed.passwordHash)).toBe(true);
    expect(await verifyPassword(FIRST, changed.passwordHash)).toBe(false);
    expect(changed.createdAt).toBe(ana!.createdAt);

    const disabled = await run(['disable', 'ana@example.com']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe('disabled ana@example.com\nended the live sessions of ana@example.com\n');
    expect(await redis.get(versionKey)).toBe('2');
    expect((await store.findByEmail('ana@example.com'))?.disabled).toBe(true);
    expect(readUsers(path).find((u) => u.id === lee!.id)?.disabled).toBe(false);

    expect((await run(['enable', 'ana@example.com'])).code).toBe(0);
    expect((await store.findByEmail('ana@example.com'))?.disabled).toBe(false);

    for (const output of outputs) {
      expect(output).not.toContain(FIRST);
      expect(output).not.toContain(SECOND);
    }
  }, 60_000);

  it('bad usage exits 2 with a reason and the usage', async () => {
    const path = join(tempDir(), 'users.json');
    const env = { PORTAL_USERS_FILE: path, PORTAL_USER_PASSWORD: FIRST };
    // Parsing details are unit-tested below; these prove the exit code and message path.
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['frobnicate'], env, /unknown command: frobnicate/],
      [
        ['add', 'a@example.com', '--name', 'A', '--role', 'ops', '--all', '--password', 'hunter2hunter2'],
        env,
        /Unknown option '--password'/,
      ],
      [['list'], { REDIS_URL: 'http://nope' }, /REDIS_URL: must be a redis/],
      [
        ['add', 'a@example.com', '--name', 'A', '--role', 'ops', '--all'],
        { PORTAL_USERS_FILE: path },
        /set PORTAL_USER_PASSWORD, or run in a terminal/,
      ],
    ];
    const runs = await Promise.all(cases.map(([args, caseEnv]) => runCli(args, caseEnv)));
    runs.forEach((run, i) => {
      const [args, , message] = cases[i]!;
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('usage: npm run user -- <command>');
      expect(run.stdout + run.stderr).not.toContain('hunter2hunter2');
      expect(run.stdout + run.stderr).not.toContain(FIRST);
    });
    expect(() => statSync(path)).toThrow(); // nothing was written
  }, 60_000);

  it('failures exit 1 and leave the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'users.json');
    const env = { PORTAL_USERS_FILE: path, PORTAL_USER_PASSWORD: FIRST };
    const add = ['add', 'ana@example.com', '--name', 'Ana', '--role', 'ops', '--all'];
    expect((await runCli(add, env)).code).toBe(0);
    const before = readFileSync(path, 'utf8');
    const malformed = join(dir, 'bad.json');
    writeFileSync(malformed, '{ "users": [ { "id": "x" } ] }');
    const [duplicate, unknown, bad] = await Promise.all([
      runCli(add, env),
      runCli(['disable', 'bob@example.com'], env),
      runCli(['disable', 'ana@example.com'], { PORTAL_USERS_FILE: malformed }),
    ]);
    expect(duplicate).toMatchObject({ code: 1, stderr: 'ana@example.com already exists\n' });
    expect(unknown).toMatchObject({ code: 1, stderr: `no user bob@example.com in ${path}\n` });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: users\.0\.email/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readFileSync(malformed, 'utf8')).toBe('{ "users": [ { "id": "x" } ] }');

    const withoutRedis = await runCli(['disable', 'ana@example.com'], { PORTAL_USERS_FILE: path });
    expect(withoutRedis.code).toBe(0);
    expect(withoutRedis.stderr).toMatch(
      /^note: REDIS_URL is not set, so live sessions were not ended from here; .*refuses a disabled user/,
    );
  }, 60_000);
});

describe('user CLI arguments', () => {
  const add = (...rest: string[]) => parseUserArgs(['add', 'A@Example.com', '--name', ' Ana ', ...rest]);

  it('parses every command', () => {
    expect(add('--role', 'ops', '--tenants', 'acme-prod, globex-eu', '--groups', 'Acme')).toEqual({
      command: 'add',
      email: 'a@example.com',
      name: 'Ana',
      role: 'ops',
      grants: { tenants: ['acme-prod', 'globex-eu'], groups: ['Acme'] },
    });
    expect(add('--role', 'admin', '--all')).toMatchObject({ grants: { all: true } });
    expect(parseUserArgs(['passwd', 'A@example.com'])).toEqual({ command: 'passwd', email: 'a@example.com' });
    expect(parseUserArgs(['disable', 'a@example.com'])).toEqual({ command: 'disable', email: 'a@example.com' });
    expect(parseUserArgs(['enable', 'a@example.com'])).toEqual({ command: 'enable', email: 'a@example.com' });
    expect(parseUserArgs(['list'])).toEqual({ command: 'list' });
    expect(parseUserArgs(['--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command: frobnicate/],
    [['add', 'a@example.com', '--role', 'ops', '--all'], /--name "Full Name" is required/],
    [['add', 'a@example.com', '--name', 'A', '--all'], /--role must be one of admin, ops, auditor/],
    [['add', 'a@example.com', '--name', 'A', '--role', 'root', '--all'], /--role must be one of/],
    [['add', 'a@example.com', '--name', 'A', '--role', 'ops'], /--all, --tenants a,b or --groups/],
    [['add', 'a@example.com', '--name', 'A', '--role', 'ops', '--all', '--tenants', 'x'], /--all cannot be combined/],
    [['add', 'a@example.com', '--name', 'A', '--role', 'ops', '--tenants', 'Acme_Prod'], /bad tenant id/],
    [['add', 'not-an-email', '--name', 'A', '--role', 'ops', '--all'], /not an email address: not-an-email/],
    [
      ['add', 'a@example.com', '--name', 'A', '--role', 'ops', '--all', '--password', 'x'],
      /Unknown option '--password'/,
    ],
    [['disable'], /missing <email>/],
    [['disable', 'a@example.com', '--role', 'ops'], /--role is only for add/],
    [['list', 'extra'], /unexpected argument: extra/],
    [['passwd', 'a@example.com', 'hunter2'], /unexpected argument: hunter2/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseUserArgs(argv)).toThrow(UsageError);
    expect(() => parseUserArgs(argv)).toThrow(message);
  });

  it('password policy: 12 to 1024 characters, counted as characters', () => {
    expect(() => checkPasswordPolicy('short')).toThrow(/at least 12/);
    expect(() => checkPasswordPolicy('🔑'.repeat(11))).toThrow(/at least 12/);
    expect(() => checkPasswordPolicy('🔑'.repeat(12))).not.toThrow();
    expect(() => checkPasswordPolicy('x'.repeat(1025))).toThrow(/at most 1024/);
  });
});
