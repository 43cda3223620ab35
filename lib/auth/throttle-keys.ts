import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { normalizeEmail } from './user-store';

/**
 * Keys for the login throttle. Hashed, so Redis never holds an email or an address in clear
 * (a key listing or a memory dump is not a list of accounts and clients).
 */
const digest = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}\0${value}`).digest('base64url').slice(0, 32);

export const accountKey = (email: string) => digest('account', normalizeEmail(email));

/**
 * One IPv6 client usually owns a whole /64 and can rotate through it at will, so the address
 * limit counts the /64. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
 */
export function addressKey(ip: string): string {
  return digest('address', addressBucket(ip));
}

export function addressBucket(ip: string): string {
  const raw = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(raw)) return raw;
  const bare = raw.replace(/%.*$/, ''); // zone id (fe80::1%eth0)
  if (!isIPv6(bare)) return raw || 'unknown';
  const [head = '', tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') && tail ? tail.split(':') : [];
  const groups = bare.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
