/**
 * What counts as a secret: keys that name one, and string values that are credentials
 * themselves (an Authorization header value, a JWT, a password inside a URL).
 */
export const MASK = '[masked]';
export const TRUNCATED = '[truncated]';

// Matched against the key lower-cased without separators, as a suffix: clientSecret,
// client_secret, access_token, X-Api-Key, Set-Cookie; passwordPolicy or tokenExpiry stay visible.
const SECRET_KEY = /(?:password|passwd|passphrase|secret|token|apikey|authorization|cookie|privatekey|sessionid)s?$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

const CREDENTIAL_VALUE = /^\s*(?:bearer|basic)\s+\S/i;
const JWT_VALUE = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;
const URL_PASSWORD = /(\/\/[^:/@\s]+):[^@\s]+@/g;

/** Masks credentials inside a string value, then caps its length (the result is stable). */
export function maskString(value: string, maxString: number): string {
  if (CREDENTIAL_VALUE.test(value) || JWT_VALUE.test(value)) return MASK;
  const masked = value.replace(URL_PASSWORD, `$1:${MASK}@`);
  const marker = `…${TRUNCATED}`;
  return masked.length <= maxString ? masked : masked.slice(0, Math.max(0, maxString - marker.length)) + marker;
}
