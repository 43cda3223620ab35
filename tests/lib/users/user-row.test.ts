import { describe, expect, it } from 'vitest';
import type { User } from '@/lib/genesys';
import { namesOnPage, toUserRow, unnamedManagerIds } from '@/lib/users/user-row';

const user = (id: string, extra: Partial<User> = {}): User => ({ id, name: `User ${id}`, state: 'active', ...extra });

describe('toUserRow', () => {
  it('flattens a searched user: division, sorted role names, last login, manager named from the map', () => {
    const row = toUserRow(
      user('u1', {
        email: 'ann@x.example',
        username: 'ann@x.example',
        title: 'Agent',
        department: 'Sales',
        division: { id: 'd1', name: 'Home' },
        authorization: { roles: [{ id: 'r2', name: 'supervisor' }, { id: 'r1', name: 'Employee' }, { id: 'r3' }] },
        dateLastLogin: '2026-01-02T03:04:05Z',
        manager: { id: 'm1' },
      }),
      new Map([['m1', 'Bob Boss']]),
    );
    expect(row).toEqual({
      id: 'u1',
      name: 'User u1',
      email: 'ann@x.example',
      username: 'ann@x.example',
      title: 'Agent',
      department: 'Sales',
      divisionId: 'd1',
      divisionName: 'Home',
      state: 'active',
      roles: ['Employee', 'supervisor'],
      dateLastLogin: '2026-01-02T03:04:05Z',
      managerId: 'm1',
      managerName: 'Bob Boss',
    });
  });

  it('leaves what Genesys left out as null, and keeps an unnamed manager id', () => {
    expect(toUserRow(user('u2', { email: '', manager: { id: 'm9' } }), new Map())).toMatchObject({
      email: null,
      username: null,
      divisionId: null,
      divisionName: null,
      roles: [],
      dateLastLogin: null,
      managerId: 'm9',
      managerName: null,
    });
    expect(toUserRow(user('u3', { manager: null }), new Map()).managerId).toBeNull();
  });

  it('prefers the name the manager reference carries (an expanded manager)', () => {
    expect(
      toUserRow(user('u4', { manager: { id: 'm1', name: 'Inline' } }), new Map([['m1', 'Other']])).managerName,
    ).toBe('Inline');
  });
});

describe('manager names', () => {
  it('names managers found on the page and lists the others once', () => {
    const page = [
      user('a', { manager: { id: 'b' } }),
      user('b', { manager: { id: 'x' } }),
      user('c', { manager: { id: 'x' } }),
      user('d', { manager: { id: 'y', name: 'Named' } }),
      user('e'),
    ];
    const known = namesOnPage(page);
    expect(known.get('b')).toBe('User b');
    expect(unnamedManagerIds(page, known)).toEqual(['x']);
  });
});
