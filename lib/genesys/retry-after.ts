/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Genesys sends integer seconds
 * on every 429 (genesys-api.md §11); the date form is accepted because proxies in front of the
 * API may rewrite it. Anything else is ignored rather than guessed at, so the caller falls back
 * to its own backoff.
 */

const DELAY_SECONDS = /^\d{1,10}$/;
// IMF-fixdate, obsolete RFC 850 and asctime forms; all three are what Date.parse understands.
const HTTP_DATE = [
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]{5,8}, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/** Milliseconds to wait, relative to `now` (epoch ms); undefined when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.some((pattern) => pattern.test(text))) return undefined;
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
