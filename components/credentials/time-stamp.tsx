import { formatRelative, formatUtc } from '@/lib/format-time';

/** Relative for scanning, absolute (UTC) for quoting in a ticket; machine-readable in dateTime. */
export function TimeStamp({ at, now }: { at: number; now: number }) {
  const absolute = formatUtc(at);
  return (
    <time dateTime={new Date(at).toISOString()} title={absolute}>
      {formatRelative(at, now)} <span className="muted">({absolute})</span>
    </time>
  );
}
