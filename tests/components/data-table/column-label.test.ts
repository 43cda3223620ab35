import { describe, expect, it } from 'vitest';
import { moveColumn } from '@/components/data-table/column-label';
import { rowsSummary } from '@/components/data-table/pager';

describe('moveColumn', () => {
  const order = ['a', 'b', 'c', 'x', 'y'];
  const visible = new Set(['a', 'b', 'c']);

  it('swaps a visible column with its visible neighbour, hidden columns staying last', () => {
    expect(moveColumn(order, visible, 'b', -1)).toEqual(['b', 'a', 'c', 'x', 'y']);
    expect(moveColumn(order, visible, 'b', 1)).toEqual(['a', 'c', 'b', 'x', 'y']);
    expect(moveColumn(['x', 'a', 'y', 'b'], new Set(['a', 'b']), 'a', 1)).toEqual(['b', 'a', 'x', 'y']);
  });

  it('changes nothing at an edge or for a hidden column', () => {
    expect(moveColumn(order, visible, 'a', -1)).toEqual(order);
    expect(moveColumn(order, visible, 'c', 1)).toEqual(order);
    expect(moveColumn(order, visible, 'x', -1)).toEqual(order);
  });
});

describe('rowsSummary', () => {
  it('describes the rows on screen in the whole list', () => {
    expect(rowsSummary(1, 25, 25, 20_000)).toBe('Rows 1–25 of 20,000');
    expect(rowsSummary(800, 25, 25, 20_000)).toBe('Rows 19,976–20,000 of 20,000');
    expect(rowsSummary(3, 25, 10, 60)).toBe('Rows 51–60 of 60');
    expect(rowsSummary(1, 25, 0, 0)).toBe('No rows');
    expect(rowsSummary(9, 25, 0, 60)).toBe('No rows on page 9');
  });
});
