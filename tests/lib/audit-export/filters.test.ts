import { describe, expect, it } from 'vitest';
import {
  filterTimeToIso,
  hasFilters,
  parseAuditFilters,
  toFilterSearch,
  toQueryString,
} from '@/lib/audit-export/filters';

const page = { cursor: true, unknown: 'ignore' } as const;
const api = { cursor: false, unknown: 'reject' } as const;

describe('parseAuditFilters (the page)', () => {
  it('reads every filter from Next searchParams', () => {
    const parsed = parseAuditFilters(
      {
        tenant: 'acme-prod',
        user: 'ops@demo.test',
        action: 'org.update',
        result: 'failure',
        from: '2025-01-31T14:00',
        to: '2025-02-01T00:00:30',
        before: '1738332000000-3',
      },
      page,
    );
    expect(parsed).toEqual({
      ok: true,
      filters: {
        tenant: 'acme-prod',
        user: 'ops@demo.test',
        action: 'org.update',
        result: 'failure',
        from: '2025-01-31T14:00',
        to: '2025-02-01T00:00:30',
      },
      before: '1738332000000-3',
    });
  });

  it('treats the empty fields a GET form submits as no filter', () => {
    const parsed = parseAuditFilters(new URLSearchParams('tenant=&user=+&action=&result=&from=&to='), page);
    expect(parsed).toEqual({ ok: true, filters: {} });
    expect(parsed.ok && hasFilters(parsed.filters)).toBe(false);
  });

  it('accepts a pasted UTC time with Z and shows it as the input value', () => {
    const parsed = parseAuditFilters({ from: '2025-01-31T14:00:00Z' }, page);
    expect(parsed).toEqual({ ok: true, filters: { from: '2025-01-31T14:00:00' } });
  });

  it('names every invalid value and echoes what was typed', () => {
    const parsed = parseAuditFilters(
      { tenant: '../acme', action: 'drop.tables', result: 'maybe', from: 'yesterday', to: '2025-02-30T10:00' },
      page,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'Tenant must be a tenant id (a-z, 0-9, -).',
      expect.stringMatching(/^Action must be one of: login, .*audit\.export\.$/),
      'Result must be success, failure or denied.',
      'From must be a date and time in UTC, like 2025-01-31T14:00.',
      'To must be a date and time in UTC, like 2025-01-31T14:00.',
    ]);
    expect(parsed.filters).toEqual({
      tenant: '../acme',
      action: 'drop.tables',
      result: 'maybe',
      from: 'yesterday',
      to: '2025-02-30T10:00',
    });
  });

  it('refuses a range that ends before it starts, and an empty one', () => {
    for (const [from, to] of [
      ['2025-02-01T00:00', '2025-01-01T00:00'],
      ['2025-02-01T00:00', '2025-02-01T00:00:00'],
    ]) {
      const parsed = parseAuditFilters({ from, to }, page);
      expect(parsed).toMatchObject({ ok: false, problems: ['From must be earlier than To.'] });
    }
  });

  it('refuses repeated filters, an over-long user and a forged cursor', () => {
    expect(parseAuditFilters({ tenant: ['acme-prod', 'globex-eu'] }, page)).toMatchObject({
      ok: false,
      problems: ['The tenant filter is given more than once.'],
    });
    expect(parseAuditFilters({ user: 'x'.repeat(201) }, page)).toMatchObject({
      ok: false,
      problems: ['User must be at most 200 characters.'],
    });
    expect(parseAuditFilters({ before: '0-0;DROP' }, page)).toMatchObject({
      ok: false,
      problems: ['The page link is not valid: start again from the newest entries.'],
    });
  });

  it('ignores parameters it does not know on the page', () => {
    expect(parseAuditFilters({ utm_source: 'mail', action: 'login' }, page)).toEqual({
      ok: true,
      filters: { action: 'login' },
    });
  });
});

describe('parseAuditFilters (the export API)', () => {
  it('rejects unknown parameters and the page cursor by name', () => {
    expect(parseAuditFilters(new URLSearchParams('bogus=1&before=1-0&action=login'), api)).toMatchObject({
      ok: false,
      problems: ['Unknown filters: bogus, before.'],
    });
  });

  it('names at most three unknown parameters, however many there are', () => {
    const search = new URLSearchParams(Array.from({ length: 1000 }, (_, i) => `k${i}=`).join('&'));
    expect(parseAuditFilters(search, api)).toMatchObject({
      ok: false,
      problems: ['Unknown filters: k0, k1, k2 and 997 more.'],
    });
  });
});

describe('filterTimeToIso', () => {
  it('reads datetime-local values as UTC', () => {
    expect(filterTimeToIso('2025-01-31T14:00')).toBe('2025-01-31T14:00:00.000Z');
    expect(filterTimeToIso('2025-01-31T14:00:05.250')).toBe('2025-01-31T14:00:05.250Z');
    expect(filterTimeToIso('2024-02-29T00:00')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses dates that do not exist and other formats', () => {
    for (const value of [
      '2025-02-29T00:00',
      '2025-13-01T00:00',
      '2025-01-31T24:00',
      '2025-01-31',
      '2025-01-31T14:00+02:00',
      '',
    ]) {
      expect(filterTimeToIso(value)).toBeUndefined();
    }
  });
});

describe('toFilterSearch / toQueryString', () => {
  it('writes set filters only, in a fixed order, round-tripping through the parser', () => {
    const filters = { to: '2025-02-01T00:00', user: 'a b&c', tenant: 'acme-prod' };
    expect(toQueryString(filters)).toBe('?tenant=acme-prod&user=a+b%26c&to=2025-02-01T00%3A00');
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ action: 'login' }, '5-1')).toBe('?action=login&before=5-1');
    expect(parseAuditFilters(toFilterSearch(filters), api)).toEqual({ ok: true, filters });
  });
});
