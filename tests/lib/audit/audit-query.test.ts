import { describe, expect, it } from 'vitest';
import { collectPage, MAX_LIMIT, normalizeAuditQuery } from '../../../lib/audit/audit-query';
import type { AuditEntry } from '../../../lib/audit/types';
import { sampleEntry } from './support/sample-entry';

const entry = (id: string, tenantId: string | null): AuditEntry => ({
  id,
  time: new Date(0).toISOString(),
  ...sampleEntry({ tenantId }),
});

async function* from(entries: AuditEntry[]) {
  for (const entry of entries) yield await Promise.resolve(entry);
}

describe('normalizeAuditQuery', () => {
  it('defaults the limit to 50 and clamps it to 1..500', () => {
    expect(normalizeAuditQuery({}).limit).toBe(50);
    expect(normalizeAuditQuery({ limit: 10_000 }).limit).toBe(MAX_LIMIT);
    expect(normalizeAuditQuery({ limit: -3 }).limit).toBe(1);
    expect(normalizeAuditQuery({ limit: Number.NaN }).limit).toBe(50);
  });

  it('an empty tenant grant matches nothing; entries without a tenant match no grant', () => {
    expect(normalizeAuditQuery({ tenantIds: [] }).matches(entry('1-0', 'acme'))).toBe(false);
    expect(normalizeAuditQuery({ tenantIds: ['acme'] }).matches(entry('1-0', null))).toBe(false);
    expect(normalizeAuditQuery({}).matches(entry('1-0', null))).toBe(true);
  });

  it('parses the cursor and the time range, rejecting garbage', () => {
    expect(normalizeAuditQuery({ before: '17-3', from: '1970-01-01T00:00:01.000Z' }).range).toEqual({
      before: { ms: 17, seq: 3 },
      fromMs: 1000,
      toMs: undefined,
    });
    expect(() => normalizeAuditQuery({ before: '17' })).toThrow(/before/);
    expect(() => normalizeAuditQuery({ to: 'soon' })).toThrow(/to is not a date/);
  });
});

describe('collectPage', () => {
  it('hands out a cursor only when another match exists', async () => {
    const entries = [entry('3-0', 'a'), entry('2-0', 'b'), entry('1-0', 'a')];
    const query = normalizeAuditQuery({ limit: 1, tenantIds: ['a'] });
    expect(await collectPage(from(entries), query)).toEqual({ entries: [entries[0]], nextCursor: '3-0' });
    const two = normalizeAuditQuery({ limit: 2, tenantIds: ['a'] });
    expect(await collectPage(from(entries), two)).toEqual({ entries: [entries[0], entries[2]], nextCursor: null });
  });
});
