import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSnapshots, createTopList, diffRows, indexRows } from '@/lib/snapshots/compare';
import type { SnapshotRow } from '@/lib/snapshots/types';

const ROLE = {
  employee: { id: 'r-employee', name: 'employee' },
  supervisor: { id: 'r-supervisor', name: 'Supervisor' },
  admin: { id: 'r-admin', name: 'admin' },
};

const row = (id: string, name: string, changes: Partial<SnapshotRow> = {}): SnapshotRow => ({
  id,
  name,
  email: `${name.toLowerCase().replace(/ /g, '.')}@acme.example`,
  state: 'active',
  divisionId: 'd-home',
  divisionName: 'Home',
  roles: [ROLE.employee],
  ...changes,
});

describe('compareSnapshots', () => {
  const before = [
    row('u1', 'Ann Active'),
    row('u2', 'Bob Leaver'),
    row('u3', 'Cid Mover'),
    row('u4', 'Dee Demoted', { roles: [ROLE.admin, ROLE.employee] }),
    row('u5', 'Eve Everything'),
  ];
  const after = [
    row('u9', 'Zed Joiner'),
    row('u1', 'Ann Active'),
    row('u3', 'Cid Mover', { divisionId: 'd-emea', divisionName: 'EMEA' }),
    row('u4', 'Dee Demoted', { roles: [ROLE.employee, ROLE.supervisor] }),
    row('u5', 'Eve Everything', {
      state: 'inactive',
      divisionId: 'd-emea',
      divisionName: 'EMEA',
      roles: [ROLE.supervisor],
    }),
    row('u8', 'Amy Joiner'),
  ];

  it('finds joiners, leavers and each kind of change; unchanged users are only counted', () => {
    const result = compareSnapshots(before, after);
    expect(result.counts).toEqual({ joiners: 2, leavers: 1, changed: 3, unchanged: 1 });
    expect(result.joiners.map((user) => user.id)).toEqual(['u8', 'u9']); // by name
    expect(result.leavers).toEqual([before[1]]);
    expect(result.changed).toEqual([
      {
        id: 'u3',
        name: 'Cid Mover',
        email: 'cid.mover@acme.example',
        changes: { division: { from: { id: 'd-home', name: 'Home' }, to: { id: 'd-emea', name: 'EMEA' } } },
      },
      {
        id: 'u4',
        name: 'Dee Demoted',
        email: 'dee.demoted@acme.example',
        changes: { roles: { added: [ROLE.supervisor], removed: [ROLE.admin] } },
      },
      {
        id: 'u5',
        name: 'Eve Everything',
        email: 'eve.everything@acme.example',
        changes: {
          state: { from: 'active', to: 'inactive' },
          division: { from: { id: 'd-home', name: 'Home' }, to: { id: 'd-emea', name: 'EMEA' } },
          roles: { added: [ROLE.supervisor], removed: [ROLE.employee] },
        },
      },
    ]);
  });

  it('ignores what it does not compare (name, email, role order) and renamed roles', () => {
    const renamed = row('u1', 'Ann Renamed', {
      email: 'other@acme.example',
      roles: [{ id: ROLE.employee.id, name: 'Employee (renamed)' }],
    });
    expect(diffRows(row('u1', 'Ann Active'), renamed)).toBeUndefined();
    const twoRoles = row('u1', 'A', { roles: [ROLE.admin, ROLE.employee] });
    expect(diffRows(twoRoles, { ...twoRoles, roles: [ROLE.employee, ROLE.admin] })).toBeUndefined();
  });

  it('bounds each list to the limit, by name, and keeps the full counts', () => {
    const joiners = Array.from({ length: 30 }, (_, index) =>
      row(`j${index}`, `Joiner ${String(index).padStart(2, '0')}`),
    );
    const result = compareSnapshots([], joiners.toReversed(), 10);
    expect(result.counts.joiners).toBe(30);
    expect(result.limit).toBe(10);
    expect(result.joiners.map((user) => user.name)).toEqual(joiners.slice(0, 10).map((user) => user.name));
  });

  it('counts a user repeated within a snapshot once', () => {
    const result = compareSnapshots([row('u1', 'A'), row('u1', 'A')], [row('u2', 'B'), row('u2', 'B')]);
    expect(result.counts).toEqual({ joiners: 1, leavers: 1, changed: 0, unchanged: 0 });
  });
});

describe('compareSnapshots properties', () => {
  const roleArb = fc.constantFrom(ROLE.employee, ROLE.supervisor, ROLE.admin);
  const rowArb = fc.record({
    id: fc.constantFrom(...Array.from({ length: 12 }, (_, index) => `u${index}`)),
    name: fc.constantFrom('Ann', 'Bob', 'ann', 'Zoë', 'Émile', 'bob'),
    email: fc.constant('x@acme.example'),
    state: fc.constantFrom('active', 'inactive', 'deleted'),
    divisionId: fc.constantFrom('d1', 'd2'),
    divisionName: fc.constantFrom('Home', 'EMEA'),
    roles: fc.uniqueArray(roleArb, { selector: (role) => role.id, maxLength: 3 }),
  });
  const snapshotArb = fc.uniqueArray(rowArb, { selector: (user) => user.id, maxLength: 12 });

  it('a snapshot compared with itself has no differences', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const result = compareSnapshots(snapshot, snapshot);
        expect(result.counts).toEqual({ joiners: 0, leavers: 0, changed: 0, unchanged: snapshot.length });
      }),
    );
  });

  it('joiners of a→b are the leavers of b→a (and back); changes mirror each other', () => {
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (a, b) => {
        const forward = compareSnapshots(a, b);
        const backward = compareSnapshots(b, a);
        expect(forward.joiners).toEqual(backward.leavers);
        expect(forward.leavers).toEqual(backward.joiners);
        // The same users changed either way (listed by their name in the newer snapshot, so in another order).
        const changedIds = (result: typeof forward) => new Set(result.changed.map((change) => change.id));
        expect(changedIds(forward)).toEqual(changedIds(backward));
        const byId = new Map(backward.changed.map((change) => [change.id, change.changes]));
        for (const change of forward.changed) {
          const reverse = byId.get(change.id);
          expect(reverse?.state).toEqual(
            change.changes.state && { from: change.changes.state.to, to: change.changes.state.from },
          );
          expect(reverse?.roles).toEqual(
            change.changes.roles && { added: change.changes.roles.removed, removed: change.changes.roles.added },
          );
        }
        const ids = (rows: SnapshotRow[]) => new Set(rows.map((user) => user.id));
        expect(forward.counts.joiners + forward.counts.changed + forward.counts.unchanged).toBe(ids(b).size);
        expect(forward.counts.leavers + forward.counts.changed + forward.counts.unchanged).toBe(ids(a).size);
      }),
    );
  });
});

describe('comparison lists kept to the limit', () => {
  it('keeps the first `limit` by name of joiners, leavers and changes, and counts them all', () => {
    const names = Array.from({ length: 40 }, (_, index) => `User ${String(index).padStart(2, '0')}`);
    const before = names.map((name, index) => row(`old-${index}`, name));
    const after = [
      ...names.map((name, index) => row(`new-${index}`, name)),
      ...names.map((name, index) => row(`old-${index}`, name, { state: 'inactive' })).slice(0, 30),
    ].toReversed();
    const result = compareSnapshots(before, after, 5);
    expect(result.counts).toEqual({ joiners: 40, leavers: 10, changed: 30, unchanged: 0 });
    expect(result.joiners.map((user) => user.name)).toEqual(names.slice(0, 5));
    expect(result.leavers.map((user) => user.name)).toEqual(names.slice(30, 35));
    expect(result.changed.map((change) => change.name)).toEqual(names.slice(0, 5));
  });

  it('createTopList holds what a full sort would show first, for any stream and limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 12 }), (items, limit) => {
        const top = createTopList<number>(limit, (a, b) => a - b);
        for (const item of items) top.add(item);
        expect(top.sorted()).toEqual(items.toSorted((a, b) => a - b).slice(0, limit));
        expect(top.count).toBe(items.length);
      }),
    );
  });

  it('indexRows builds the older snapshot by id straight from a row stream, an id’s first row winning', async () => {
    async function* stream() {
      await Promise.resolve(); // a store reads in chunks
      yield row('u1', 'Ann');
      yield row('u2', 'Bob');
      yield row('u1', 'Ann Again');
    }
    const index = await indexRows(stream());
    expect([...index.keys()]).toEqual(['u1', 'u2']);
    expect(index.get('u1')?.name).toBe('Ann');
  });
});
