import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffEntries, flattenValue, renderDiffValue, summarizeDiff } from '@/components/audit/diff-entries';

describe('flattenValue', () => {
  it('turns nested objects and arrays into leaf paths, in stored order', () => {
    const flat = flattenValue({ name: 'Acme', settings: { mfa: true, sizes: [1, { a: null }] } });
    expect([...flat]).toEqual([
      ['name', 'Acme'],
      ['settings.mfa', true],
      ['settings.sizes[0]', 1],
      ['settings.sizes[1].a', null],
    ]);
  });

  it('keeps empty objects and arrays as leaves, and a non-object as the root value', () => {
    expect([...flattenValue({ a: {}, b: [] })]).toEqual([
      ['a', {}],
      ['b', []],
    ]);
    expect([...flattenValue('[masked]')]).toEqual([['', '[masked]']]);
    expect([...flattenValue(undefined)]).toEqual([]);
  });

  it('quotes keys that are not identifiers, so a dotted key is not mistaken for nesting', () => {
    const flat = flattenValue({ 'a.b': 1, a: { b: 2 }, '0': 3, 'with space': 4, '': 5 });
    expect([...flat.keys()]).toEqual(['["0"]', '["a.b"]', 'a.b', '["with space"]', '[""]']);
    expect(new Set(flat.keys()).size).toBe(5);
  });
});

describe('diffEntries', () => {
  it('lists changed, added, removed and unchanged leaves with old and new values', () => {
    const lines = diffEntries(
      { name: 'Acme', domain: 'acme', settings: { mfa: false, minLength: 8 } },
      { name: 'Acme Renamed', settings: { mfa: false, minLength: 12 }, state: 'active' },
    );
    expect(lines).toEqual([
      { path: 'name', kind: 'changed', before: 'Acme', after: 'Acme Renamed' },
      { path: 'domain', kind: 'removed', before: 'acme' },
      { path: 'settings.mfa', kind: 'unchanged', before: false, after: false },
      { path: 'settings.minLength', kind: 'changed', before: 8, after: 12 },
      { path: 'state', kind: 'added', after: 'active' },
    ]);
    expect(summarizeDiff(lines)).toEqual({ changed: 2, added: 1, removed: 1, unchanged: 1 });
  });

  it('treats a missing before as all added and a missing after as all removed', () => {
    expect(diffEntries(undefined, { tenantId: 'x' })).toEqual([{ path: 'tenantId', kind: 'added', after: 'x' }]);
    expect(diffEntries({ tenantId: 'x' }, undefined)).toEqual([{ path: 'tenantId', kind: 'removed', before: 'x' }]);
    expect(diffEntries(undefined, undefined)).toEqual([]);
  });

  it('shows arrays growing and shrinking item by item', () => {
    expect(diffEntries({ ids: ['a', 'b'] }, { ids: ['a', 'c', 'd'] })).toEqual([
      { path: 'ids[0]', kind: 'unchanged', before: 'a', after: 'a' },
      { path: 'ids[1]', kind: 'changed', before: 'b', after: 'c' },
      { path: 'ids[2]', kind: 'added', after: 'd' },
    ]);
  });

  it('shows a value replaced by a different shape as removal plus addition', () => {
    expect(diffEntries({ a: { x: 1 } }, { a: 5 })).toEqual([
      { path: 'a.x', kind: 'removed', before: 1 },
      { path: 'a', kind: 'added', after: 5 },
    ]);
    // An emptied object is a change, not silence.
    expect(diffEntries({ a: { x: 1 } }, { a: {} })).toEqual([
      { path: 'a.x', kind: 'removed', before: 1 },
      { path: 'a', kind: 'added', after: {} },
    ]);
    expect(diffEntries({ a: [] }, { a: {} })).toEqual([{ path: 'a', kind: 'changed', before: [], after: {} }]);
  });

  it('distinguishes null, false, 0 and the empty string', () => {
    const lines = diffEntries({ a: null, b: false, c: 0, d: '' }, { a: false, b: 0, c: '', d: null });
    expect(lines.map((line) => line.kind)).toEqual(['changed', 'changed', 'changed', 'changed']);
  });

  it('compares a whole truncated or masked value at the root', () => {
    expect(diffEntries({ secret: 'x' }, '[truncated: entry too big]')).toEqual([
      { path: 'secret', kind: 'removed', before: 'x' },
      { path: '', kind: 'added', after: '[truncated: entry too big]' },
    ]);
  });

  it('of a value with itself reports every leaf unchanged (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const lines = diffEntries(value, value);
        expect(lines.every((line) => line.kind === 'unchanged')).toBe(true);
        expect(lines.length).toBe(flattenValue(value).size);
      }),
    );
  });

  it('accounts for every leaf of both sides exactly once (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (before, after) => {
        const lines = diffEntries(before, after);
        const paths = lines.map((line) => line.path);
        expect(new Set(paths).size).toBe(paths.length);
        const old = flattenValue(before);
        const next = flattenValue(after);
        expect(new Set(paths)).toEqual(new Set([...old.keys(), ...next.keys()]));
        for (const line of lines) {
          if (line.kind !== 'added') expect(line.before).toEqual(old.get(line.path));
          if (line.kind !== 'removed') expect(line.after).toEqual(next.get(line.path));
        }
      }),
    );
  });
});

describe('renderDiffValue', () => {
  it('renders JSON and keeps short values whole', () => {
    expect(renderDiffValue('Acme')).toEqual({ short: '"Acme"' });
    expect(renderDiffValue(null)).toEqual({ short: 'null' });
    expect(renderDiffValue({})).toEqual({ short: '{}' });
  });

  it('cuts long values with an ellipsis and keeps the full value', () => {
    const long = 'x'.repeat(300);
    const rendered = renderDiffValue(long, 50);
    expect(rendered.short).toHaveLength(50);
    expect(rendered.short.endsWith('…')).toBe(true);
    expect(rendered.full).toBe(JSON.stringify(long));
  });
});
