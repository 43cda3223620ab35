/**
 * Time and identifier formatting for the credentials page. Pure and locale-independent, so the
 * server render and any client re-render of the same props produce the same text.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `2025-03-01 14:05 UTC`: unambiguous for operators in several time zones. */
export function formatAbsolute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function span(ms: number): string {
  if (ms < MINUTE) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < 2 * DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.round((ms % HOUR) / MINUTE);
    return minutes > 0 && hours < 10 ? `${hours} h ${minutes} min` : `${Math.round(ms / HOUR)} h`;
  }
  return `${Math.round(ms / DAY)} days`;
}

/** `in 3 h`, `5 min ago`, `just now` (within 5 s either way). */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < 5000) return 'just now';
  return diff > 0 ? `in ${span(diff)}` : `${span(-diff)} ago`;
}

/** `every 30 days`, `every 12 h`. */
export function formatInterval(ms: number): string {
  return `every ${span(ms)}`;
}

/** The last 4 characters behind an ellipsis; short ids are fully hidden. */
export function maskClientId(clientId: string): string {
  return clientId.length > 8 ? `…${clientId.slice(-4)}` : '…';
}

/**
 * `file /etc/portal/tenants.json` → `tenants.json`; `config service https://cfg.example` →
 * `https://cfg.example`. A directory can name a customer or a host layout; the file name is enough.
 */
export function sourceLabel(kind: 'file' | 'config-service', description: string): string {
  if (kind === 'file') {
    const path = description.replace(/^file /, '');
    return path.split(/[\\/]/).filter(Boolean).pop() ?? 'tenants file';
  }
  return description.replace(/^config service /, '');
}
