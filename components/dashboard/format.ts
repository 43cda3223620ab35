/**
 * Words and numbers for the dashboard, in one fixed locale so the server and the browser print
 * the same thing (no hydration mismatch, no test depending on the machine's locale). Times are
 * lib/format-time.ts's, shared with the rest of the portal.
 */
const LOCALE = 'en-US';

/** "6 min 12 s", "45 s", "1 h 5 min"; an em dash when there is nothing to average. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function displayName(type: 'language' | 'region', code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([LOCALE], { type }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined; // not a code Intl knows: show it as it is
  }
}

/** "de (German)"; just the code when it is not a known language tag. */
export function describeLanguage(code: string | null): string {
  if (!code) return '—';
  const name = displayName('language', code);
  return name ? `${code} (${name})` : code;
}

/** "DE (Germany)"; just the code when it is not a known region. */
export function describeCountry(code: string | null): string {
  if (!code) return '—';
  const name = displayName('region', code.toUpperCase());
  return name ? `${code} (${name})` : code;
}
