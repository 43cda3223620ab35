import { describe, expect, it } from 'vitest';
import {
  filterTenants,
  indexTenants,
  normalizeText,
  type FilterResult,
} from '@/components/tenant-switcher/filter-tenants';
import { manyTenants, tenant } from './fixtures';

const acme = tenant({
  tenantId: 'acme-prod',
  displayName: 'Acme Production',
  group: 'Retail',
  environment: 'production',
});
const pacific = tenant({ tenantId: 'pacific', displayName: 'Pacific Care', group: 'Retail', region: 'mypurecloud.ie' });
const societe = tenant({
  tenantId: 'sg-fr',
  displayName: 'Société Générale',
  group: 'Banking',
  region: 'mypurecloud.de',
});
const zeta = tenant({ tenantId: 'zeta', displayName: 'Zeta Labs' });
const all = [zeta, societe, pacific, acme];
const index = indexTenants(all);
const none = { favourites: [], recents: [] };

const shape = (result: FilterResult) => result.groups.map((g) => [g.label, g.tenants.map((t) => t.tenantId)]);

describe('filterTenants', () => {
  it('groups by tenant group, alphabetically, with ungrouped tenants under Other last', () => {
    expect(shape(filterTenants(index, '', none))).toEqual([
      ['Banking', ['sg-fr']],
      ['Retail', ['acme-prod', 'pacific']],
      ['Other', ['zeta']],
    ]);
  });

  it('puts favourites first, then recents in recency order; each tenant appears once', () => {
    const result = filterTenants(index, '', { favourites: ['zeta'], recents: ['pacific', 'zeta', 'sg-fr'] });
    expect(shape(result)).toEqual([
      ['Favourites', ['zeta']],
      ['Recent', ['pacific', 'sg-fr']],
      ['Retail', ['acme-prod']],
    ]);
    expect(result.total).toBe(4);
  });

  it('ignores favourites and recents that are not granted', () => {
    const result = filterTenants(index, '', { favourites: ['gone'], recents: ['also-gone'] });
    expect(result.groups.map((g) => g.label)).toEqual(['Banking', 'Retail', 'Other']);
  });

  it.each([
    ['display name', 'générale', 'sg-fr'],
    ['tenant id', 'SG-F', 'sg-fr'],
    ['org id', societe.orgId.slice(-6), 'sg-fr'],
    ['region host', 'purecloud.ie', 'pacific'],
    ['region key', 'eu-central-1', 'sg-fr'],
    ['group', 'bank', 'sg-fr'],
    ['environment', 'productio', 'acme-prod'],
  ])('matches on %s', (_field, query, expected) => {
    const ids = filterTenants(index, query, none).groups.flatMap((g) => g.tenants.map((t) => t.tenantId));
    expect(ids).toEqual([expected]);
  });

  it('is case- and accent-insensitive both ways', () => {
    expect(normalizeText('Société GÉNÉRALE')).toBe('societe generale');
    const ids = (q: string) => filterTenants(index, q, none).groups.flatMap((g) => g.tenants.map((t) => t.tenantId));
    expect(ids('SOCIETE')).toEqual(['sg-fr']);
    expect(ids('sociéte')).toEqual(['sg-fr']);
  });

  it('requires every word of the query (in any field)', () => {
    const ids = (q: string) => filterTenants(index, q, none).groups.flatMap((g) => g.tenants.map((t) => t.tenantId));
    expect(ids('retail care')).toEqual(['pacific']);
    expect(ids('retail zeta')).toEqual([]);
  });

  it('ranks a name or id prefix before a word prefix before a substring, within a group', () => {
    const retail = [
      tenant({ tenantId: 'r1', displayName: 'Big Carrot', group: 'G' }),
      tenant({ tenantId: 'r2', displayName: 'Scarf Shop', group: 'G' }),
      tenant({ tenantId: 'r3', displayName: 'Carrot Cake', group: 'G' }),
      tenant({ tenantId: 'car-hire', displayName: 'Wheels', group: 'G' }),
    ];
    expect(shape(filterTenants(indexTenants(retail), 'car', none))).toEqual([['G', ['r3', 'car-hire', 'r1', 'r2']]]);
  });

  it('orders tenant groups by their best match', () => {
    const tenants = [
      tenant({ tenantId: 'a1', displayName: 'Omnicar', group: 'Alpha' }),
      tenant({ tenantId: 'b1', displayName: 'Cargo', group: 'Beta' }),
    ];
    expect(shape(filterTenants(indexTenants(tenants), 'car', none))).toEqual([
      ['Beta', ['b1']],
      ['Alpha', ['a1']],
    ]);
  });

  it('with a query, leads with the best match even when a weaker one is a favourite or recent', () => {
    const tenants = indexTenants([
      tenant({ tenantId: 'old-care', displayName: 'Old Care', group: 'Health' }),
      tenant({ tenantId: 'care-hub', displayName: 'Care Hub', group: 'Health' }),
      tenant({ tenantId: 'care-x', displayName: 'Care X' }),
    ]);
    expect(shape(filterTenants(tenants, 'care', { favourites: [], recents: ['old-care'] }))).toEqual([
      ['Health', ['care-hub']],
      ['Other', ['care-x']],
      ['Recent', ['old-care']],
    ]);
    // Equally good matches: Favourites first.
    expect(shape(filterTenants(tenants, 'care', { favourites: ['care-x'], recents: ['old-care'] }))).toEqual([
      ['Favourites', ['care-x']],
      ['Health', ['care-hub']],
      ['Recent', ['old-care']],
    ]);
  });

  it('caps the options with 500 tenants but reports every match', () => {
    const big = indexTenants(manyTenants(500));
    const everything = filterTenants(big, '', none);
    expect(everything.total).toBe(500);
    expect(everything.shown).toBe(50);
    expect(everything.groups.reduce((n, g) => n + g.tenants.length, 0)).toBe(50);

    const narrowed = filterTenants(big, 'echo', { favourites: [], recents: [], limit: 20 });
    expect(narrowed.total).toBe(100); // every fifth tenant is in group Echo
    expect(shape(narrowed)).toEqual([['Echo', expect.any(Array)]]);
    expect(narrowed.shown).toBe(20);

    const exact = filterTenants(big, 't-0499', { favourites: ['t-0499'], recents: [] });
    expect(shape(exact)).toEqual([['Favourites', ['t-0499']]]);
  });
});
