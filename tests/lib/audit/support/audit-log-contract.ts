// One behaviour for both stores: each test file calls this with a factory that gives a fresh,
// empty log (its own file or stream key) and a way to read the raw stored bytes.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditEntryInput, AuditLog, AuditQuery } from '../../../../lib/audit/types';
import { AuditUnavailableError } from '../../../../lib/audit/types';
import { sampleEntry } from './sample-entry';

export interface ContractStore {
  log: AuditLog;
  raw(): Promise<string>;
}

export type MakeStore = (options?: { maxScan?: number }) => ContractStore;

async function readAll(log: AuditLog, query: AuditQuery): Promise<{ entries: AuditEntry[]; pages: number }> {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await log.query({ ...query, before });
    entries.push(...page.entries);
    if (!page.nextCursor) return { entries, pages };
    before = page.nextCursor;
  }
}

function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

const tenants = ['acme', 'globex', 'initech'];
const users = ['u1', 'u2', 'u3'];
const results = ['success', 'failure', 'denied'] as const;
const actions = ['org.update', 'login', 'users.export'] as const;

/** 60 entries with varied fields; some have no tenant (a failed login of an unknown account). */
function mixedEntry(index: number): AuditEntryInput {
  return sampleEntry({
    tenantId: index % 7 === 0 ? null : tenants[index % tenants.length]!,
    userId: users[index % users.length]!,
    result: results[index % results.length]!,
    action: actions[Math.floor(index / 3) % actions.length]!,
  });
}

export function describeAuditLogContract(name: string, make: MakeStore): void {
  describe(`${name} audit log contract`, () => {
    const open: AuditLog[] = [];
    const create: MakeStore = (options) => {
      const store = make(options);
      open.push(store.log);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((log) => log.close()));
    });

    it('append returns the stored entry with an id and an ISO time; query returns it', async () => {
      const { log } = create();
      const input = sampleEntry({ correlationId: 'corr-1', details: { field: 'name' } });
      const entry = await log.append(input);
      expect(entry).toMatchObject({ ...input, id: expect.stringMatching(/^\d+-\d+$/) as string });
      expect(new Date(entry.time).toISOString()).toBe(entry.time);
      expect(Math.abs(Date.parse(entry.time) - Date.now())).toBeLessThan(60_000);
      expect(await log.query({})).toEqual({ entries: [entry], nextCursor: null });
    });

    it('an empty log answers an empty page', async () => {
      expect(await create().log.query({})).toEqual({ entries: [], nextCursor: null });
    });

    it('sequential and concurrent appends get distinct increasing ids; query is newest first', async () => {
      const { log } = create();
      const sequential = [];
      for (let i = 0; i < 5; i++) sequential.push(await log.append(sampleEntry()));
      const concurrent = await Promise.all(Array.from({ length: 40 }, () => log.append(sampleEntry())));
      const all = [...sequential, ...concurrent];
      expect(new Set(all.map((entry) => entry.id)).size).toBe(45);
      const page = await log.query({ limit: 500 });
      expect(page.entries.map((entry) => entry.requestId).slice(-5)).toEqual(
        sequential.map((entry) => entry.requestId).reverse(),
      );
      const times = page.entries.map((entry) => Date.parse(entry.time));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(page.entries.map((entry) => entry.id)).toEqual(
        [...all].sort((a, b) => compareIds(b.id, a.id)).map((entry) => entry.id),
      );
    });

    it('filters by tenant grant, user, action and result; an empty grant list sees nothing', async () => {
      const { log } = create();
      const all: AuditEntry[] = [];
      for (let i = 0; i < 30; i++) all.push(await log.append(mixedEntry(i)));
      const newestFirst = [...all].reverse();
      const expectFor = async (query: AuditQuery, keep: (entry: AuditEntry) => boolean) =>
        expect((await readAll(log, { ...query, limit: 7 })).entries).toEqual(newestFirst.filter(keep));

      await expectFor({ tenantIds: ['acme', 'initech'] }, (e) => e.tenantId === 'acme' || e.tenantId === 'initech');
      await expectFor({ tenantIds: [] }, () => false);
      await expectFor({ tenantIds: ['nobody'] }, () => false);
      await expectFor({ userId: 'u2' }, (e) => e.userId === 'u2');
      await expectFor({ action: 'login' }, (e) => e.action === 'login');
      await expectFor({ result: 'denied' }, (e) => e.result === 'denied');
      await expectFor(
        { tenantIds: ['globex'], result: 'success', userId: 'u2' },
        (e) => e.tenantId === 'globex' && e.result === 'success' && e.userId === 'u2',
      );
    });

    it('time range: from inclusive, to exclusive', async () => {
      const { log } = create();
      const all: AuditEntry[] = [];
      for (let i = 0; i < 12; i++) {
        all.push(await log.append(sampleEntry()));
        if (i % 3 === 2) await new Promise((resolve) => setTimeout(resolve, 3));
      }
      const from = all[3]!.time;
      const to = all[9]!.time;
      const expected = [...all].reverse().filter((e) => e.time >= from && e.time < to);
      expect(expected.length).toBeGreaterThan(0);
      expect((await readAll(log, { from, to, limit: 2 })).entries).toEqual(expected);
      expect((await log.query({ from: all[11]!.time, limit: 500 })).entries).toContainEqual(all[11]);
      expect((await log.query({ to: all[0]!.time })).entries).toEqual([]);
      expect((await log.query({ from: to, to: from })).entries).toEqual([]);
    });

    it('pages never repeat or skip, for any filters and page size (fast-check)', async () => {
      const { log } = create();
      const all: AuditEntry[] = [];
      for (let i = 0; i < 60; i++) all.push(await log.append(mixedEntry(i)));
      const newestFirst = [...all].reverse();
      const queryArb = fc.record(
        {
          tenantIds: fc.subarray([...tenants, 'other']),
          userId: fc.constantFrom(...users),
          result: fc.constantFrom(...results),
          limit: fc.integer({ min: 1, max: 25 }),
        },
        { requiredKeys: ['limit'] },
      );
      await fc.assert(
        fc.asyncProperty(queryArb, async (query) => {
          const { entries, pages } = await readAll(log, query);
          const expected = newestFirst.filter(
            (e) =>
              (!query.tenantIds || (e.tenantId !== null && query.tenantIds.includes(e.tenantId))) &&
              (!query.userId || e.userId === query.userId) &&
              (!query.result || e.result === query.result),
          );
          expect(entries).toEqual(expected);
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / query.limit)));
        }),
        { numRuns: 40 },
      );
    });

    it('limit defaults to 50 and is clamped to at least 1', async () => {
      const { log } = create();
      await Promise.all(Array.from({ length: 52 }, () => log.append(sampleEntry())));
      const page = await log.query({});
      expect(page.entries).toHaveLength(50);
      expect(page.nextCursor).toBe(page.entries[49]!.id);
      expect((await log.query({ limit: 0 })).entries).toHaveLength(1);
    });

    it('a rare match in a long log: short pages with a cursor after maxScan, nothing skipped', async () => {
      const { log } = create({ maxScan: 8 });
      const all: AuditEntry[] = [];
      for (let i = 0; i < 30; i++)
        all.push(await log.append(sampleEntry({ tenantId: i % 10 === 0 ? 'rare' : 'acme' })));
      const first = await log.query({ tenantIds: ['rare'] });
      expect(first.entries.length).toBeLessThan(3);
      expect(first.nextCursor).not.toBeNull();
      const { entries } = await readAll(log, { tenantIds: ['rare'] });
      expect(entries).toEqual([...all].reverse().filter((e) => e.tenantId === 'rare'));
    });

    it('secrets are masked in what is returned and in what is stored', async () => {
      const store = create();
      const entry = await store.log.append(
        sampleEntry({
          action: 'credentials.rotate',
          before: { clientId: 'cid-1', clientSecret: 's3cr3t-before', nested: [{ access_token: 'tok-4242' }] },
          after: { clientId: 'cid-2', client_secret: 's3cr3t-after', headers: { Authorization: 'Bearer abc' } },
          details: { password: 'hunter2-pw', reason: 'rotation' },
        }),
      );
      expect(entry.before).toEqual({
        clientId: 'cid-1',
        clientSecret: '[masked]',
        nested: [{ access_token: '[masked]' }],
      });
      expect(entry.after).toEqual({
        clientId: 'cid-2',
        client_secret: '[masked]',
        headers: { Authorization: '[masked]' },
      });
      expect(entry.details).toEqual({ password: '[masked]', reason: 'rotation' });
      expect((await store.log.query({})).entries).toEqual([entry]);
      const raw = await store.raw();
      expect(raw).toContain('cid-2');
      for (const secret of ['s3cr3t', 'tok-4242', 'Bearer abc', 'hunter2']) expect(raw).not.toContain(secret);
    });

    it('rejects a bad cursor or date, and a malformed entry, without storing anything', async () => {
      const { log } = create();
      await expect(log.query({ before: 'nope' })).rejects.toThrow(TypeError);
      await expect(log.query({ from: 'yesterday-ish' })).rejects.toThrow(TypeError);
      const bad = { ...sampleEntry(), action: 'drop.tables' } as unknown as AuditEntryInput;
      await expect(log.append(bad)).rejects.toThrow(/Invalid audit entry: action/);
      expect((await log.query({})).entries).toEqual([]);
    });

    it('append after close is refused with AuditUnavailableError', async () => {
      const { log } = create();
      await log.append(sampleEntry());
      await log.close();
      await expect(log.append(sampleEntry())).rejects.toBeInstanceOf(AuditUnavailableError);
    });
  });
}
