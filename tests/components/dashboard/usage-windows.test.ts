import { describe, expect, it } from 'vitest';
import { toMinuteWindows, windowLabel } from '@/components/dashboard/usage-windows';

const buckets = (requests: number[]) =>
  requests.map((n, i) => ({ start: i * 10_000, requests: n, throttled: n > 5 ? 1 : 0 }));

describe('toMinuteWindows', () => {
  it('sums six 10 s buckets per minute, oldest window first, ending with the newest bucket', () => {
    const windows = toMinuteWindows(buckets([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 9]), 10_000);
    expect(windows).toEqual([
      { minutesAgo: 1, requests: 6, throttled: 0 },
      { minutesAgo: 0, requests: 19, throttled: 1 },
    ]);
  });

  it('leaves out the oldest buckets that do not fill a whole minute', () => {
    const windows = toMinuteWindows(buckets([100, 100, 1, 1, 1, 1, 1, 1]), 10_000);
    expect(windows).toEqual([{ minutesAgo: 0, requests: 6, throttled: 0 }]);
    expect(toMinuteWindows(buckets([1, 2, 3]), 10_000)).toEqual([]);
  });

  it('makes 15 windows of 90 buckets', () => {
    expect(toMinuteWindows(buckets(Array.from({ length: 90 }, () => 1)), 10_000).map((w) => w.requests)).toEqual(
      Array.from({ length: 15 }, () => 6),
    );
  });

  it('labels the newest window "Last minute"', () => {
    expect(windowLabel(0)).toBe('Last minute');
    expect(windowLabel(4)).toBe('4 min earlier');
  });
});
