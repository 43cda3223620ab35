import type { UsageBucket } from '@/lib/upstream/usage-meter';

/**
 * Rate-budget use as the governor sees it: requests in sliding 60-second windows, each window
 * ending a whole minute before the next, newest last. With 10-second buckets the last window is
 * "the last minute" and compares directly with the per-minute limit.
 */
export interface UsageWindow {
  /** Minutes before now the window ends (0 = the last minute). */
  minutesAgo: number;
  requests: number;
  throttled: number;
}

export function toMinuteWindows(buckets: readonly UsageBucket[], bucketMs: number): UsageWindow[] {
  const perMinute = Math.max(1, Math.round(60_000 / bucketMs));
  const count = Math.floor(buckets.length / perMinute);
  const windows: UsageWindow[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const end = buckets.length - k * perMinute;
    const slice = buckets.slice(end - perMinute, end);
    windows.push({
      minutesAgo: k,
      requests: slice.reduce((sum, b) => sum + b.requests, 0),
      throttled: slice.reduce((sum, b) => sum + b.throttled, 0),
    });
  }
  return windows;
}

export const windowLabel = (minutesAgo: number) => (minutesAgo === 0 ? 'Last minute' : `${minutesAgo} min earlier`);
