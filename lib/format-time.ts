/**
 * Times as the portal prints them everywhere. Pure and locale-independent (no Intl, no local
 * zone), so a server render and the browser's hydration of the same props print the same text.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Closer than this either way is "just now": a clock skew of seconds is not news. */
const JUST_NOW_MS = 45 * SECOND;

/**
 * A positive span: "50 s", "5 min", "3 h 20 min" (minutes kept below 10 h, where they still
 * matter), "23 h", "3 days". Each unit is rounded before the next is chosen, so 59.6 s is
 * "1 min", never "60 s".
 */
export function formatSpan(ms: number): string {
  const seconds = Math.round(ms / SECOND);
  if (seconds < 60) return `${Math.max(1, seconds)} s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (ms < 2 * DAY) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest > 0 && hours < 10 ? `${hours} h ${rest} min` : `${Math.round(ms / HOUR)} h`;
  }
  return `${Math.round(ms / DAY)} days`;
}

/** "just now", "50 s ago", "in 5 min", "3 h 20 min ago", "in 3 days": `at` seen from `now`. */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  if (!Number.isFinite(delta)) return '—';
  if (Math.abs(delta) < JUST_NOW_MS) return 'just now';
  return delta > 0 ? `in ${formatSpan(delta)}` : `${formatSpan(-delta)} ago`;
}

/**
 * "2026-11-22 23:26 UTC" (epoch ms); with `seconds`, "2026-11-22 23:26:05 UTC" (the audit trail,
 * where entries are matched against logs). An em dash for a time that is not one.
 */
export function formatUtc(at: number, { seconds = false }: { seconds?: boolean } = {}): string {
  if (!Number.isFinite(at)) return '—';
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}
