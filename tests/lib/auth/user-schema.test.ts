import { describe, expect, it } from 'vitest';
import { parseUsersFile } from '@/lib/auth/user-schema';
import { makeUser } from './user-fixtures';

const text = (value: unknown) => JSON.stringify(value);

describe('users file schema', () => {
  it('accepts a valid file, lowercasing emails and defaulting grant lists and disabled', async () => {
    const user = await makeUser({ email: '  Alice@Example.TEST ' });
    const { disabled: _disabled, ...withoutDisabled } = user;
    const parsed = parseUsersFile(text({ users: [{ ...withoutDisabled, grants: { tenants: ['acme-prod'] } }] }));
    expect(parsed.users[0]).toMatchObject({
      email: 'alice@example.test',
      disabled: false,
      grants: { tenants: ['acme-prod'], groups: [] },
    });
  });

  it('accepts { all: true } grants', async () => {
    const user = await makeUser({ role: 'admin', grants: { all: true } });
    expect(parseUsersFile(text({ users: [user] })).users[0]?.grants).toEqual({ all: true });
  });

  it('names the problem: not JSON, wrong shape, bad fields', async () => {
    const user = await makeUser();
    expect(() => parseUsersFile('{"users": [')).toThrow(/not valid JSON/);
    expect(() => parseUsersFile(text([user]))).toThrow(/\(root\)/);
    expect(() => parseUsersFile(text({ users: [{ ...user, role: 'root' }] }))).toThrow(/users\.0\.role/);
    expect(() => parseUsersFile(text({ users: [{ ...user, email: 'not-an-email' }] }))).toThrow(/users\.0\.email/);
    expect(() => parseUsersFile(text({ users: [{ ...user, passwordHash: 'plain' }] }))).toThrow(
      /users\.0\.passwordHash/,
    );
    expect(() => parseUsersFile(text({ users: [{ ...user, disable: true }] }))).toThrow(/disable/);
    expect(() => parseUsersFile(text({ users: [{ ...user, grants: { all: true, tenants: [] } }] }))).toThrow(/grants/);
    expect(() => parseUsersFile(text({ users: [{ ...user, grants: { tenants: ['Acme-Prod'] } }] }))).toThrow(/grants/);
  });

  it('never echoes a password hash in an error', async () => {
    const user = await makeUser({ role: 'root' as never });
    const error = (() => {
      try {
        parseUsersFile(text({ users: [user] }));
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toBeDefined();
    expect(error?.message).not.toContain(user.passwordHash);
  });

  it('rejects duplicate ids and duplicate emails (case-insensitive)', async () => {
    const a = await makeUser();
    const sameId = { ...a, email: 'other@example.test' };
    const sameEmail = { ...a, id: 'u-other', email: 'ALICE@example.test' };
    expect(() => parseUsersFile(text({ users: [a, sameId] }))).toThrow(/users\.1\.id: duplicate id "u-alice"/);
    expect(() => parseUsersFile(text({ users: [a, sameEmail] }))).toThrow(/users\.1\.email: duplicate email/);
  });
});
