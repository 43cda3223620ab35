import { describe, expect, it } from 'vitest';
import {
  addRecent,
  keepGranted,
  MAX_RECENTS,
  parsePreferences,
  preferencesKey,
  serializePreferences,
  toggleFavourite,
  type TenantPreferences,
} from '@/components/tenant-switcher/tenant-preferences';

const empty = { favourites: [], recents: [] };

describe('tenant switcher preferences', () => {
  it.each([
    ['missing', null],
    ['empty', ''],
    ['corrupt JSON', '{"favourites": [oops'],
    ['a JSON string', '"acme"'],
    ['null', 'null'],
    ['an array', '["acme"]'],
  ])('reads %s storage as no preferences', (_case, raw) => {
    expect(parsePreferences(raw)).toEqual(empty);
  });

  it('keeps only string ids, without duplicates, and at most five recents', () => {
    const raw = JSON.stringify({
      favourites: ['acme', 42, null, 'acme', '', 'x'.repeat(65), 'beta'],
      recents: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(parsePreferences(raw)).toEqual({ favourites: ['acme', 'beta'], recents: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('treats a non-array field as empty without losing the other', () => {
    expect(parsePreferences('{"favourites":"acme","recents":["beta"]}')).toEqual({ favourites: [], recents: ['beta'] });
  });

  it('round-trips through serialize', () => {
    const preferences = { favourites: ['acme'], recents: ['beta', 'acme'] };
    expect(parsePreferences(serializePreferences(preferences))).toEqual(preferences);
  });

  it('drops tenants that are no longer granted', () => {
    const preferences = { favourites: ['acme', 'gone'], recents: ['gone', 'beta'] };
    expect(keepGranted(preferences, new Set(['acme', 'beta']))).toEqual({ favourites: ['acme'], recents: ['beta'] });
  });

  it('toggles a favourite on and off', () => {
    const on = toggleFavourite(empty, 'acme');
    expect(on.favourites).toEqual(['acme']);
    expect(toggleFavourite(on, 'acme').favourites).toEqual([]);
  });

  it('adds recents most recent first, moves a repeat to the front, keeps five', () => {
    let preferences: TenantPreferences = { favourites: [], recents: [] };
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) preferences = addRecent(preferences, id);
    expect(preferences.recents).toEqual(['f', 'e', 'd', 'c', 'b']);
    expect(preferences.recents).toHaveLength(MAX_RECENTS);
    expect(addRecent(preferences, 'c').recents).toEqual(['c', 'f', 'e', 'd', 'b']);
  });

  it('keys the storage per user', () => {
    expect(preferencesKey('u1')).not.toBe(preferencesKey('u2'));
    expect(preferencesKey(undefined)).toContain('anonymous');
  });
});
