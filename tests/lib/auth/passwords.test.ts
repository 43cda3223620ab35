import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_COST,
  dummyVerify,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
  type ScryptCost,
} from '@/lib/auth/passwords';

// Cheap parameters keep the suite fast; production cost is the default in code.
const cost: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes into scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple', cost);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same', cost), hashPassword('same', cost)]);
    expect(a).not.toBe(b);
  });

  it('defaults to the production cost', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 });
    const hash = await hashPassword('x');
    expect(hash.startsWith('scrypt$32768$8$3$')).toBe(true);
    expect(await verifyPassword('x', hash)).toBe(true);
  });

  it('handles unicode and treats composed and decomposed forms as the same password', async () => {
    const composed = 'pässwörd-日本語-🔑';
    const hash = await hashPassword(composed, cost);
    expect(await verifyPassword(composed, hash)).toBe(true);
    expect(await verifyPassword(composed.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('passwörd-日本語-🔑', hash)).toBe(false);
  });

  it('a tampered hash never verifies and never throws', async () => {
    const hash = await hashPassword('secret', cost);
    const parts = hash.split('$');
    const flipped = Buffer.from(parts[5]!, 'base64');
    flipped[0]! ^= 1;
    const tampered = [
      [...parts.slice(0, 5), flipped.toString('base64')].join('$'),
      [...parts.slice(0, 4), Buffer.alloc(16).toString('base64'), parts[5]].join('$'),
      hash.replace('scrypt$1024$8$1', 'scrypt$2048$8$1'),
      hash.replace('scrypt$', 'bcrypt$'),
      hash.replace('scrypt$1024', 'scrypt$1000'), // not a power of two
      hash.replace('scrypt$1024$8', 'scrypt$1048576$64'), // far too much memory
      `${hash}$extra`,
      hash.slice(0, -4),
      '',
      'secret',
    ];
    for (const stored of tampered) expect(await verifyPassword('secret', stored)).toBe(false);
  });

  it('parsePasswordHash rejects a hash that would cost unbounded memory', () => {
    const tail = `${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
    expect(parsePasswordHash(`scrypt$${2 ** 20}$8$1$${tail}`)).toBeUndefined();
    expect(parsePasswordHash(`scrypt$${2 ** 15}$8$3$${tail}`)?.cost).toEqual({
      N: 2 ** 15,
      r: 8,
      p: 3,
    });
  });

  it('dummyVerify does the same derivation and always answers false', async () => {
    expect(await dummyVerify('anything', cost)).toBe(false);
  });
});
