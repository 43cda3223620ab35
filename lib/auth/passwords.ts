/**
 * Password hashing with scrypt (node:crypto): `scrypt$N$r$p$saltB64$hashB64`. The parameters
 * travel with each hash, so raising the cost later still verifies old hashes. No `server-only`:
 * the user CLI (plain tsx) hashes too. Passwords are never logged or put in an error message.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * One of OWASP's equivalent scrypt minimums (N=2^17 r=8 p=1 ≈ N=2^15 r=8 p=3): the same work
 * as 2^17 but 32 MiB instead of 128 MiB per hash, because Node runs the p lanes one after
 * another. About 200 ms on one core; four concurrent logins (libuv's pool) stay near 128 MiB.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read from a stored hash: a doctored users file must not be able to make
// one login allocate gigabytes or spin for minutes.
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_R = 32;
const MAX_P = 16;

// NFC: the same password typed on macOS (decomposed) and Windows (composed) must match.
const normalize = (password: string) => Buffer.from(password.normalize('NFC'), 'utf8');

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; the default maxmem (32 MiB) is too small for N=2^15 r=8.
  const maxmem = 128 * cost.r * (cost.N + cost.p + 2) + 1024 * 1024;
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem };
  return new Promise((resolve, reject) => {
    scrypt(normalize(password), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** undefined for anything that is not a well-formed hash within the bounds above. */
export function parsePasswordHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const [salt, key] = parts.slice(4).map((part) => (BASE64.test(part) ? Buffer.from(part, 'base64') : undefined));
  if (N === undefined || r === undefined || p === undefined || !salt || !key) return undefined;
  if (!isPowerOfTwo(N) || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  if (128 * N * r > MAX_MEMORY_BYTES) return undefined;
  // Exactly KEY_BYTES: a truncated key would still match (the output of scrypt is a prefix-stable PBKDF2).
  if (salt.length < 8 || key.length !== KEY_BYTES) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** False for a wrong password and for a malformed or tampered hash; never throws for either. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.cost, KEY_BYTES);
  return timingSafeEqual(candidate, parsed.key);
}

/**
 * The work of one verify, for a login whose account does not exist (or cannot log in), so the
 * response time does not reveal which emails are accounts. Use the cost the real hashes use.
 */
export async function dummyVerify(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<false> {
  const candidate = await derive(password, randomBytes(SALT_BYTES), cost, KEY_BYTES);
  timingSafeEqual(candidate, Buffer.alloc(KEY_BYTES));
  return false;
}
