/**
 * Formatting that only the credentials page needs; times come from lib/format-time like
 * everywhere else. Pure, so the server render and any client re-render print the same text.
 */
import { formatSpan } from '../format-time';

/** `every 30 days`, `every 12 h`. */
export function formatInterval(ms: number): string {
  return `every ${formatSpan(ms)}`;
}

/** The last 4 characters behind an ellipsis; short ids are fully hidden. */
export function maskClientId(clientId: string): string {
  return clientId.length > 8 ? `…${clientId.slice(-4)}` : '…';
}

const basename = (path: string) => path.split(/[\\/]/).filter(Boolean).pop();

/**
 * `file /etc/portal/tenants.json` → `tenants.json`; `config service https://cfg.example` →
 * `https://cfg.example`. A directory can name a customer or a host layout; the file name is enough.
 */
export function sourceLabel(kind: 'file' | 'config-service', description: string): string {
  if (kind === 'file') return basename(description.replace(/^file /, '')) ?? 'tenants file';
  return description.replace(/^config service /, '');
}

// An absolute path (POSIX or `C:\`) with at least one directory, at the start of the text or
// after a space, quote, bracket or `=`; a URL's `//` follows a `:` and is left alone.
const ABSOLUTE_PATH = /(^|[\s'"(=])(?:[A-Za-z]:)?[\\/](?:[^\s'"()\\/]+[\\/])+([^\s'"()\\/]*)/g;

/**
 * A credential-source error as the page may show it: `cannot read tenants file
 * /srv/acme/tenants.json (ENOENT)` → `… tenants file tenants.json (ENOENT)`, for the same reason
 * as sourceLabel. The source's own path is replaced whole first (a directory may contain spaces);
 * any other absolute path keeps its last segment.
 */
export function withoutDirectories(
  message: string,
  status?: { source: 'file' | 'config-service'; sourceDescription: string },
): string {
  let text = message;
  const path = status?.source === 'file' ? status.sourceDescription.replace(/^file /, '') : '';
  const name = path ? basename(path) : undefined;
  if (name && name !== path) text = text.split(path).join(name);
  return text.replace(ABSOLUTE_PATH, (_match, lead: string, last: string) => `${lead}${last}`);
}
