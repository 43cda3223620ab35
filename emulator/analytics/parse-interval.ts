import { errorResult, type EmulatorResult } from '../result';
import { badRequest, invalidValue } from './validation-error';

// Interval is "start/end" in ISO-8601 ("YYYY-MM-DDThh:mm:ss/YYYY-MM-DDThh:mm:ss",
// ConversationAggregationQuery.md). A missing offset is read as UTC; the ISO "start/duration"
// forms are not accepted (UNVERIFIED whether the real API does).
// Limits are emulator guards: the real maximum interval and bucket count are UNVERIFIED, so we
// pick conservative values a portal can live with (a month of hourly or half-hourly data).
export const MAX_INTERVAL_MS = 31 * 86_400_000;
export const MAX_BUCKETS = 1500;
const MIN_GRANULARITY_MS = 60_000;

export type QueryWindow = { startMs: number; endMs: number; granularityMs: number; bucketCount: number };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone = 'Z'] = m;
  const fields = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const [year, month, day, hour, minute] = fields;
  const second = Number(s);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));
  const check = new Date(utc);
  // Date.UTC silently rolls 2024-02-30 over to March; a real parser rejects it.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return undefined;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMin * 60_000;
}

const invalidDate = (text: string): EmulatorResult =>
  errorResult(
    400,
    'invalid.date',
    `Interval [${text}] is invalid. Dates must be specified as ISO-8601 strings, as "start/end". For example: 2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z`,
    [{ fieldName: 'interval', errorCode: 'invalid.date' }],
  );

function parseInterval(text: string): { startMs: number; endMs: number } | EmulatorResult {
  const parts = text.split('/');
  if (parts.length !== 2) return invalidDate(text);
  const startMs = parseDateTime(parts[0] ?? '');
  const endMs = parseDateTime(parts[1] ?? '');
  if (startMs === undefined || endMs === undefined) return invalidDate(text);
  if (endMs <= startMs) return badRequest(`Interval [${text}] is invalid: the end must be after the start`, 'interval');
  if (endMs - startMs > MAX_INTERVAL_MS) {
    return badRequest(
      `Interval [${text}] is too long: the maximum is 31 days; split the query into smaller intervals`,
      'interval',
    );
  }
  return { startMs, endMs };
}

// Fixed-length ISO-8601 durations only (PnW, PnDTnHnMnS). Years and months have no fixed
// length and a 31-day interval never needs them, so they are rejected instead of approximated.
const DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function parseGranularity(text: string): number | EmulatorResult {
  const m = DURATION.exec(text);
  const allowed =
    'ISO-8601 durations of whole minutes, at least PT1M, without years or months (for example PT15M, PT30M, PT1H, P1D, P7D)';
  if (m === null) return invalidValue('granularity', text, allowed);
  const [, w = '0', d = '0', h = '0', mi = '0', s = '0'] = m;
  const ms = ((((Number(w) * 7 + Number(d)) * 24 + Number(h)) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
  if (ms < MIN_GRANULARITY_MS || ms % 60_000 !== 0) return invalidValue('granularity', text, allowed);
  return ms;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Buckets start at the interval start and the last one is cut at the interval end. timeZone is
// validated but only matters on the real API for DST-aware day buckets, which fixed-length
// buckets cannot express (documented simplification).
export function parseQueryWindow(query: {
  interval: string;
  granularity?: string | undefined;
  timeZone?: string | undefined;
}): QueryWindow | EmulatorResult {
  const interval = parseInterval(query.interval);
  if ('ok' in interval) return interval;
  if (query.timeZone !== undefined && !isTimeZone(query.timeZone)) {
    return invalidValue('timeZone', query.timeZone, 'IANA time zone names, for example UTC, Etc/UTC or Europe/London');
  }
  const span = interval.endMs - interval.startMs;
  if (query.granularity === undefined) return { ...interval, granularityMs: span, bucketCount: 1 };
  const granularityMs = parseGranularity(query.granularity);
  if (typeof granularityMs !== 'number') return granularityMs;
  const bucketCount = Math.ceil(span / granularityMs);
  if (bucketCount > MAX_BUCKETS) {
    return badRequest(
      `Granularity [${query.granularity}] splits the interval into ${bucketCount} buckets; the maximum is ${MAX_BUCKETS}. Use a coarser granularity or a shorter interval`,
      'granularity',
    );
  }
  return { ...interval, granularityMs: Math.min(granularityMs, span), bucketCount };
}
