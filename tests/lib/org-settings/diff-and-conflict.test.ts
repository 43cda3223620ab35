// The two views the user decides with: the diff (old → new) and the conflict (theirs beside yours).
import { describe, expect, it } from 'vitest';
import { conflictRows, reapply } from '@/lib/org-settings/conflict';
import { diffList, fieldChange, formatValue } from '@/lib/org-settings/diff';
import { type FieldSpec, parseList, parseWholeNumber, sameValue } from '@/lib/org-settings/fields';
import { planFeatureUpdates, toFeatureRows } from '@/lib/org-settings/features';
import { toFieldErrors, upstreamField } from '@/lib/org-settings/issues';

describe('diff', () => {
  it('formats values for people', () => {
    expect([true, false, '', '  ', undefined, null, 0, 'x'].map(formatValue)).toEqual([
      'On',
      'Off',
      '(empty)',
      '(empty)',
      '(not set)',
      '(not set)',
      '0',
      'x',
    ]);
  });

  it('lists: added and removed, case-insensitively, in their own order', () => {
    expect(diffList(['a.example', 'B.example', 'c.example'], ['b.example', 'd.example', 'a.example'])).toEqual({
      added: ['d.example'],
      removed: ['c.example'],
    });
  });

  it('a list field change carries the full new list', () => {
    expect(fieldChange({ key: 'l', label: 'L', kind: 'list' }, 'a\nb', 'b\nc')).toEqual({
      key: 'l',
      label: 'L',
      kind: 'list',
      added: ['c'],
      removed: ['a'],
      after: ['b', 'c'],
    });
  });

  it('reads form values the way the API compares them', () => {
    expect(parseList(' a ,b\n\n c ')).toEqual(['a', 'b', 'c']);
    expect([' 12 ', '-1', '1e3', '', '0x1', '3.0', '1 2'].map(parseWholeNumber)).toEqual([
      12,
      -1,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
    expect(sameValue('text', ' a ', 'a')).toBe(true);
    expect(sameValue('text', 'A', 'a')).toBe(false);
    expect(sameValue('list', 'b\na', 'A, b')).toBe(true);
    expect(sameValue('boolean', true, false)).toBe(false);
  });
});

describe('conflict', () => {
  const specs: FieldSpec<'name' | 'domain' | 'voicemail'>[] = [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'domain', label: 'Domain', kind: 'text' },
    { key: 'voicemail', label: 'Voicemail', kind: 'boolean' },
  ];
  const base = { name: 'Acme', domain: 'acme.example', voicemail: true };

  it('rows for every field either side changed; both-changed ones flagged', () => {
    const theirs = { name: 'Acme (theirs)', domain: 'acme.example', voicemail: false };
    const mine = { name: 'Acme (mine)', domain: 'new.example', voicemail: true };
    expect(conflictRows(specs, base, theirs, mine)).toEqual([
      {
        key: 'name',
        label: 'Name',
        base: 'Acme',
        theirs: 'Acme (theirs)',
        mine: 'Acme (mine)',
        changedByMe: true,
        changedByThem: true,
      },
      {
        key: 'domain',
        label: 'Domain',
        base: 'acme.example',
        theirs: 'acme.example',
        mine: 'new.example',
        changedByMe: true,
        changedByThem: false,
      },
      {
        key: 'voicemail',
        label: 'Voicemail',
        base: 'On',
        theirs: 'Off',
        mine: 'On',
        changedByMe: false,
        changedByThem: true,
      },
    ]);
  });

  it('re-apply: their values, with mine only where I changed something', () => {
    const theirs = { name: 'Acme (theirs)', domain: 'acme.example', voicemail: false };
    const mine = { name: 'Acme', domain: 'new.example', voicemail: true };
    expect(reapply(specs, base, theirs, mine)).toEqual({
      name: 'Acme (theirs)',
      domain: 'new.example',
      voicemail: false,
    });
  });
});

describe('features', () => {
  it('documented features first in SDK order, others after and read-only', () => {
    const rows = toFeatureRows({ zeta: true, chat: false, purecloud: true });
    expect(rows).toEqual([
      { name: 'purecloud', enabled: true, writable: true },
      { name: 'chat', enabled: false, writable: true },
      { name: 'zeta', enabled: true, writable: false },
    ]);
    expect(toFeatureRows(undefined)).toEqual([]);
  });

  it('one update per changed, writable feature', () => {
    const rows = toFeatureRows({ chat: false, purecloud: true, zeta: true });
    expect(planFeatureUpdates(rows, { chat: true, purecloud: true, zeta: false })).toEqual({
      updates: [{ name: 'chat', enabled: true }],
      changes: [{ key: 'chat', label: 'chat', kind: 'value', before: 'Off', after: 'On' }],
    });
  });
});

describe('issues', () => {
  it('first message per field; list entries named by line', () => {
    const errors = toFieldErrors(
      [
        { code: 'custom', path: ['name'], message: 'first', input: '' },
        { code: 'custom', path: ['name'], message: 'second', input: '' },
        { code: 'custom', path: ['list', 2], message: 'bad', input: '' },
      ],
      undefined,
      () => ['a', 'b', 'c'],
    );
    expect(errors).toEqual({ name: 'first', list: 'Line 3 (c): bad' });
  });

  it('finds the field an upstream 400 names', () => {
    expect(upstreamField('Value [x] is not valid for field type [domain]. Allowable values are: y')).toBe('domain');
    expect(upstreamField('The field [passwordRequirements.minimumLength] is required.')).toBe(
      'passwordRequirements.minimumLength',
    );
    expect(upstreamField('Something else')).toBeUndefined();
  });
});
