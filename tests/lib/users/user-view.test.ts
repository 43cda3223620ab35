import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { parseUserFilter, parseUserView, toSearchCriteria, toViewSearch, USER_COLUMNS } from '@/lib/users/user-view';

const DIVISION = '0b6c3f0e-3c0a-4f57-9d7e-2f1f6c1d2a11';

describe('user view', () => {
  it('has defaults and round-trips through the URL without them', () => {
    const view = parseUserView(new URLSearchParams());
    expect(view).toEqual({ page: 1, pageSize: 25, sort: 'name', dir: 'asc' });
    expect(toViewSearch(view).toString()).toBe('');
    const full = parseUserView(
      new URLSearchParams(
        `q=ann&state=inactive&division=${DIVISION}&page=3&pageSize=100&sort=email&dir=desc&columns=email,name`,
      ),
    );
    expect(full).toMatchObject({
      q: 'ann',
      state: 'inactive',
      division: DIVISION,
      page: 3,
      pageSize: 100,
      columns: ['email', 'name'],
    });
    expect(parseUserView(toViewSearch(full))).toEqual(full);
  });

  it('treats empty form fields as absent', () => {
    expect(parseUserView(new URLSearchParams('q=&state=&division='))).toEqual(parseUserView(new URLSearchParams()));
  });

  it.each([
    ['pageSize=30', 'pageSize'],
    ['state=gone', 'state'],
    ['division=../x', 'division'],
    ['sort=dateLastLogin', 'sort'],
    ['columns=name,name', 'columns'],
    ['columns=password', 'columns'],
    ['page=0', 'page'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['extra=1', ''],
  ])('rejects %s, naming the field', (query, field) => {
    const error = (() => {
      try {
        parseUserView(new URLSearchParams(query));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ZodError);
    expect(String((error as ZodError).issues[0]!.path[0] ?? '')).toBe(field);
  });

  it('always names state in the search, so deleted users appear only when asked for', () => {
    expect(toSearchCriteria({})).toEqual([{ type: 'EXACT', fields: ['state'], values: ['active', 'inactive'] }]);
    expect(toSearchCriteria({ state: 'deleted', q: 'ann', division: DIVISION })).toEqual([
      { type: 'EXACT', fields: ['state'], values: ['deleted'] },
      { type: 'CONTAINS', fields: ['name', 'email', 'username'], value: 'ann' },
      { type: 'EXACT', fields: ['division.id'], values: [DIVISION] },
    ]);
  });

  it('reads the filter alone from a view URL', () => {
    expect(parseUserFilter(new URLSearchParams('q=ann&page=4&sort=email'))).toEqual({ q: 'ann' });
    expect(USER_COLUMNS[0]).toBe('name');
  });
});
