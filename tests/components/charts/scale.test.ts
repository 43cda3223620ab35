import { describe, expect, it } from 'vitest';
import { axisMax, fraction, linePoints, percentOf, truncateLabel, yOf } from '@/components/charts/scale';

describe('axisMax', () => {
  it('is the largest value, or the floor when that is higher', () => {
    expect(axisMax([3, 9, 4])).toBe(9);
    expect(axisMax([3, 9, 4], 300)).toBe(300);
    expect(axisMax([450, 9], 300)).toBe(450);
  });

  it('is never 0, so nothing divides by zero (empty, all zeros, junk)', () => {
    expect(axisMax([])).toBe(1);
    expect(axisMax([0, 0])).toBe(1);
    expect(axisMax([Number.NaN, -5, Number.POSITIVE_INFINITY])).toBe(1);
  });
});

describe('fraction', () => {
  it('scales linearly and clamps to [0, 1]', () => {
    expect(fraction(25, 100)).toBe(0.25);
    expect(fraction(100, 100)).toBe(1);
    expect(fraction(150, 100)).toBe(1);
    expect(fraction(-3, 100)).toBe(0);
  });

  it('is 0 for a zero or missing max', () => {
    expect(fraction(5, 0)).toBe(0);
    expect(fraction(5, Number.NaN)).toBe(0);
  });
});

describe('percentOf', () => {
  it('rounds to a whole percentage and is 0 without a whole', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('truncateLabel', () => {
  it('keeps a label that fits', () => {
    expect(truncateLabel('Sales', 10)).toEqual({ text: 'Sales', truncated: false });
    expect(truncateLabel('0123456789', 10)).toEqual({ text: '0123456789', truncated: false });
  });

  it('cuts a long label to the limit, ellipsis included', () => {
    const cut = truncateLabel('Technical Support - Americas', 11);
    expect(cut).toEqual({ text: 'Technical…', truncated: true }); // trailing space trimmed before the ellipsis
    expect(Array.from(truncateLabel('abcdefghijklmnop', 8).text)).toHaveLength(8);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const cut = truncateLabel('😀😀😀😀😀😀', 4);
    expect(cut.text).toBe('😀😀😀…');
  });
});

describe('linePoints', () => {
  it('spreads the values across the width, 0 at the bottom and max at the top', () => {
    expect(linePoints([0, 5, 10], 10, 100, 50)).toEqual([
      [0, 50],
      [50, 25],
      [100, 0],
    ]);
  });

  it('draws a single value as a level line and nothing for no values', () => {
    expect(linePoints([5], 10, 100, 40)).toEqual([
      [0, 20],
      [100, 20],
    ]);
    expect(linePoints([], 10, 100, 40)).toEqual([]);
  });

  it('keeps every point inside the box when a value exceeds max', () => {
    expect(linePoints([20, 0], 10, 100, 40)).toEqual([
      [0, 0],
      [100, 40],
    ]);
    expect(yOf(7, 0, 40)).toBe(40);
  });
});
