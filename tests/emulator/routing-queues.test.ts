import fc from 'fast-check';
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/emulator/prng';
import type { EmulatorResult } from '@/emulator/result';
import { listQueues, seedQueues, type EntityListing, type Queue } from '@/emulator/routing';

const ORG = { id: 'org-1', divisionId: 'div-home', divisionName: 'Home' };
const PATH = '/api/v2/routing/queues';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const seeded = (count: number, seed = 7, org = ORG): Queue[] => seedQueues(mulberry32(seed), org, count);

function listing(result: EmulatorResult): EntityListing<Queue> {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  expect(result.status ?? 200).toBe(200);
  return result.body as EntityListing<Queue>;
}

const list = (queues: Queue[], qs = '') => listQueues(queues, new URLSearchParams(qs), PATH);

function expectError(result: EmulatorResult, code: string, messagePart?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.status).toBe(400);
  expect(result.code).toBe(code);
  if (messagePart !== undefined) expect(result.message).toContain(messagePart);
}

describe('seedQueues', () => {
  it('is deterministic for the same rng stream', () => {
    expect(seeded(12, 99)).toEqual(seeded(12, 99));
  });

  it('differs for a different rng stream', () => {
    const a = seeded(5, 1).map((q) => q.id);
    const b = seeded(5, 2).map((q) => q.id);
    expect(a).not.toEqual(b);
  });

  it('returns nothing for zero and refuses a negative or fractional count', () => {
    expect(seeded(0)).toEqual([]);
    expect(() => seeded(-1)).toThrow(RangeError);
    expect(() => seeded(1.5)).toThrow(RangeError);
  });

  it('produces unique realistic names and v4 uuids, even beyond the base name list', () => {
    const queues = seeded(80);
    expect(new Set(queues.map((q) => q.name)).size).toBe(80);
    expect(new Set(queues.map((q) => q.id)).size).toBe(80);
    for (const q of queues) expect(q.id).toMatch(UUID_V4);
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['Sales', 'Support', 'Billing', 'Sales - EMEA']));
  });

  it('fills the Genesys Queue fields consistently', () => {
    for (const q of seeded(30)) {
      expect(q.division).toEqual({
        id: ORG.divisionId,
        name: ORG.divisionName,
        selfUri: `/api/v2/authorization/divisions/${ORG.divisionId}`,
      });
      expect(q.selfUri).toBe(`/api/v2/routing/queues/${q.id}`);
      expect(new Date(q.dateCreated).toISOString()).toBe(q.dateCreated);
      expect(Date.parse(q.dateModified)).toBeGreaterThanOrEqual(Date.parse(q.dateCreated));
      expect(q.joinedMemberCount).toBeLessThanOrEqual(q.userMemberCount);
      expect(q.memberCount).toBeGreaterThanOrEqual(q.userMemberCount);
      expect(q.mediaSettings.call.serviceLevel).toEqual({ percentage: 0.8, durationMs: 20_000 });
      expect(['NONE', 'BEST', 'ALL']).toContain(q.skillEvaluationMethod);
      const timed = ['MANDATORY_TIMEOUT', 'MANDATORY_FORCED_TIMEOUT'].includes(q.acwSettings.wrapupPrompt);
      expect(q.acwSettings.timeoutMs !== undefined).toBe(timed);
    }
  });

  it('is assignable to the SDK Queue model', () => {
    const [q] = seeded(1);
    // Compile-time: tsc rejects this file if our Queue drifts from Models.Queue.
    const sdk: Models.Queue | undefined = q;
    expect(sdk?.division?.id).toBe(ORG.divisionId);
    expect(sdk?.mediaSettings?.call?.alertingTimeoutSeconds).toBe(8);
  });
});

describe('listQueues envelope', () => {
  const queues = seeded(60);
  const byName = [...queues].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en'));

  it('defaults to page 1 of 25, sorted by name ascending', () => {
    const body = listing(list(queues));
    expect(body.pageSize).toBe(25);
    expect(body.pageNumber).toBe(1);
    expect(body.total).toBe(60);
    expect(body.pageCount).toBe(3);
    expect(body.entities.map((q) => q.name)).toEqual(byName.slice(0, 25).map((q) => q.name));
    expect(body.firstUri).toBe(`${PATH}?pageSize=25&pageNumber=1`);
    expect(body.selfUri).toBe(`${PATH}?pageSize=25&pageNumber=1`);
    expect(body.nextUri).toBe(`${PATH}?pageSize=25&pageNumber=2`);
    expect(body.lastUri).toBe(`${PATH}?pageSize=25&pageNumber=3`);
    expect(body).not.toHaveProperty('previousUri');
  });

  it('satisfies the paging arithmetic for any size and page', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (n, pageSize, pageNumber) => {
          const subset = queues.slice(0, n);
          const body = listing(list(subset, `pageSize=${pageSize}&pageNumber=${pageNumber}`));
          const pageCount = Math.ceil(n / pageSize);
          expect(body.total).toBe(n);
          expect(body.pageCount).toBe(pageCount);
          expect(body.entities.length).toBe(Math.max(0, Math.min(pageSize, n - (pageNumber - 1) * pageSize)));
          expect(body.nextUri !== undefined).toBe(pageNumber < pageCount);
          expect(body.previousUri !== undefined).toBe(pageNumber > 1);
          expect(body.lastUri).toBe(`${PATH}?pageSize=${pageSize}&pageNumber=${Math.max(pageCount, 1)}`);
        },
      ),
    );
  });

  it('walks every queue exactly once by following nextUri, keeping the filters', () => {
    let uri: string | undefined = `${PATH}?pageSize=7&divisionId=${ORG.divisionId}`;
    const seen: string[] = [];
    while (uri !== undefined) {
      const url = new URL(uri, 'http://emulator');
      expect(url.searchParams.get('divisionId')).toBe(ORG.divisionId);
      const body = listing(listQueues(queues, url.searchParams, url.pathname));
      seen.push(...body.entities.map((q) => q.id));
      uri = body.nextUri;
    }
    expect(seen).toEqual(byName.map((q) => q.id));
  });

  it('answers an empty page past the end without failing', () => {
    const body = listing(list(queues, 'pageSize=25&pageNumber=9'));
    expect(body.entities).toEqual([]);
    expect(body.total).toBe(60);
    expect(body).not.toHaveProperty('nextUri');
    expect(body.previousUri).toBe(`${PATH}?pageSize=25&pageNumber=8`);
  });

  it('answers an empty org with zero pages', () => {
    const body = listing(list([]));
    expect(body).toMatchObject({ entities: [], total: 0, pageCount: 0, lastUri: `${PATH}?pageSize=25&pageNumber=1` });
  });

  it('sorts descending on sortOrder=desc (any case) and accepts the legacy sortBy=name', () => {
    const desc = listing(list(queues, 'sortOrder=desc&pageSize=60'));
    expect(desc.entities.map((q) => q.id)).toEqual([...byName].reverse().map((q) => q.id));
    expect(listing(list(queues, 'sortOrder=DESC&pageSize=60')).entities).toEqual(desc.entities);
    expect(listing(list(queues, 'sortBy=name&pageSize=60')).entities.map((q) => q.id)).toEqual(byName.map((q) => q.id));
  });

  it('accepts the 500 maximum page size', () => {
    expect(listing(list(queues, 'pageSize=500')).entities.length).toBe(60);
  });
});

describe('listQueues filters', () => {
  const queues = [
    ...seeded(20),
    ...seedQueues(mulberry32(3), { id: 'org-1', divisionId: 'div-emea', divisionName: 'EMEA' }, 3),
  ];
  const names = (qs: string) => listing(list(queues, `pageSize=100&${qs}`)).entities.map((q) => q.name);

  it('matches a name exactly, case-insensitively', () => {
    const target = queues[0]?.name ?? '';
    expect(names(`name=${encodeURIComponent(target.toUpperCase())}`)).toEqual(
      queues.filter((q) => q.name === target).map((q) => q.name),
    );
  });

  it('supports leading and trailing asterisks', () => {
    const all = queues.map((q) => q.name.toLowerCase());
    expect(names('name=sup*').every((n) => n.toLowerCase().startsWith('sup'))).toBe(true);
    expect(names('name=sup*').length).toBe(all.filter((n) => n.startsWith('sup')).length);
    expect(names('name=*port').length).toBe(all.filter((n) => n.endsWith('port')).length);
    expect(names('name=*s*').length).toBe(all.filter((n) => n.includes('s')).length);
    expect(names('name=*').length).toBe(queues.length);
    expect(names('name=').length).toBe(queues.length);
  });

  it('filters by repeated id and divisionId parameters', () => {
    const [a, b] = queues;
    const ids = listing(list(queues, `id=${a?.id}&id=${b?.id}&id=missing`)).entities.map((q) => q.id);
    expect(ids.sort()).toEqual([a?.id, b?.id].sort());
    expect(names('divisionId=div-emea')).toHaveLength(3);
    expect(names('divisionId=div-emea&divisionId=div-home')).toHaveLength(23);
    expect(names('divisionId=nope')).toEqual([]);
  });

  it('treats peer and canned-response filters as matching no seeded queue', () => {
    expect(names('peerId=p1')).toEqual([]);
    expect(names('hasPeer=true')).toEqual([]);
    expect(names('hasPeer=false')).toHaveLength(queues.length);
    expect(names('cannedResponseLibraryId=lib')).toEqual([]);
  });
});

describe('listQueues validation', () => {
  const queues = seeded(3);

  it.each(['0', '501', 'abc', '1.5', '-1', '', '1e2'])('rejects pageSize=%s', (value) => {
    expectError(list(queues, `pageSize=${value}`), 'invalid.value', 'pageSize');
  });

  it.each(['0', 'x', '2.0', '-3'])('rejects pageNumber=%s', (value) => {
    expectError(list(queues, `pageNumber=${value}`), 'invalid.value', 'pageNumber');
  });

  it('rejects an unknown sortOrder and sortBy', () => {
    expectError(list(queues, 'sortOrder=up'), 'invalid.value', 'Allowable values are: asc, desc');
    expectError(list(queues, 'sortBy=id'), 'invalid.value', 'sortBy');
  });

  it('rejects an asterisk inside a name', () => {
    expectError(list(queues, 'name=Sa*es'), 'bad.request', 'leading and trailing');
  });

  it('rejects a non-boolean hasPeer', () => {
    expectError(list(queues, 'hasPeer=yes'), 'invalid.value', 'hasPeer');
  });

  it('names the field in details', () => {
    const result = list(queues, 'pageSize=0');
    expect(result.ok ? undefined : result.details).toEqual([{ fieldName: 'pageSize', errorCode: 'invalid.value' }]);
  });
});
