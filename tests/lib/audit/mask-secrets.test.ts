import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAuditInput, MAX_ENTRY_BYTES } from '../../../lib/audit/mask-audit-input';
import { DEFAULT_MASK_LIMITS, maskSecrets } from '../../../lib/audit/mask-secrets';
import { isSecretKey } from '../../../lib/audit/secret-patterns';
import { sampleEntry } from './support/sample-entry';

describe('maskSecrets', () => {
  it('masks values under secret-looking keys, any case or separator, at any depth', () => {
    const input = {
      password: 'p1',
      Secret: 'p2',
      clientSecret: 'p3',
      client_secret: 'p4',
      TOKEN: 'p5',
      access_token: 'p6',
      refreshToken: 'p7',
      authorization: 'p8',
      Cookie: 'p9',
      'set-cookie': ['p10'],
      apiKey: 'p11',
      'X-API-KEY': 'p12',
      privateKey: { pem: 'p13' },
      nested: { deeper: [{ passwd: 'p14', name: 'keep-1' }] },
      name: 'keep-2',
      passwordPolicy: { minLength: 12 },
      tokenExpirySeconds: 3600,
      cleared: { clientSecret: null },
    };
    const masked = maskSecrets(input);
    expect(JSON.stringify(masked)).not.toMatch(/"p\d+"/);
    expect(masked).toMatchObject({
      password: '[masked]',
      'set-cookie': '[masked]',
      privateKey: '[masked]',
      nested: { deeper: [{ passwd: '[masked]', name: 'keep-1' }] },
      name: 'keep-2',
      passwordPolicy: { minLength: 12 },
      tokenExpirySeconds: 3600,
      cleared: { clientSecret: null },
    });
  });

  it('masks credentials found in values under innocent keys', () => {
    expect(
      maskSecrets({
        header: 'Bearer eyJhbGciOi.abc.def',
        basic: 'basic dXNlcjpwYXNz',
        jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
        url: 'rediss://default:hunter2@cache.internal:6380/0',
      }),
    ).toEqual({
      header: '[masked]',
      basic: '[masked]',
      jwt: '[masked]',
      url: 'rediss://default:[masked]@cache.internal:6380/0',
    });
  });

  it('does not mutate its input and copies JSON-shaped', () => {
    const input = {
      clientSecret: 's',
      when: new Date(0),
      big: 10n,
      fn: () => 1,
      nan: Number.NaN,
      bytes: new Uint8Array(3),
    };
    const masked = maskSecrets(input);
    expect(input.clientSecret).toBe('s');
    expect(masked).toEqual({
      clientSecret: '[masked]',
      when: '1970-01-01T00:00:00.000Z',
      big: '10',
      nan: null,
      bytes: '[binary 3 bytes]',
    });
  });

  it('bounds depth, width, strings, cycles and shared-subtree blow-up with markers', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 10_000; i++) cursor = cursor.child = {};
    expect(JSON.stringify(maskSecrets(deep))).toContain('[truncated]');

    const wide = maskSecrets(Array.from({ length: 100_000 }, (_, i) => i)) as unknown[];
    expect(wide).toHaveLength(DEFAULT_MASK_LIMITS.maxItems);
    expect(wide.at(-1)).toBe('[truncated] 99901 more items');

    const keys = maskSecrets(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
    expect(Object.keys(keys as object)).toHaveLength(DEFAULT_MASK_LIMITS.maxKeys);

    const long = maskSecrets('x'.repeat(1_000_000)) as string;
    expect(long).toHaveLength(DEFAULT_MASK_LIMITS.maxString);
    expect(long.endsWith('…[truncated]')).toBe(true);

    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(maskSecrets(cyclic)).toEqual({ name: 'a', self: '[circular]' });

    // 8 levels of 100 references to one child: 100^8 paths, bounded by the node budget.
    let shared: unknown = 'leaf';
    for (let i = 0; i < 8; i++) shared = Array.from({ length: 100 }, () => shared);
    expect(JSON.stringify(maskSecrets(shared)).length).toBeLessThan(100_000);
  });

  it('survives throwing getters and keeps __proto__ as data', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    expect(maskSecrets({ hostile })).toEqual({ hostile: '[unreadable]' });
    const parsed = maskSecrets(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, is idempotent, and leaves no value under a secret key (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = maskSecrets(value);
        expect(maskSecrets(once)).toEqual(once);
        const check = (node: unknown): void => {
          if (node === null || typeof node !== 'object') return;
          for (const [key, child] of Object.entries(node)) {
            if (isSecretKey(key) && child !== null) expect(child).toBe('[masked]');
            else check(child);
          }
        };
        check(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('maskAuditInput', () => {
  it('keeps only known fields and masks before, after and details', () => {
    const input = { ...sampleEntry({ before: { token: 't' }, details: { apiKey: 'k', count: 2 } }), extra: 'dropped' };
    const masked = maskAuditInput(input);
    expect(masked).not.toHaveProperty('extra');
    expect(masked.before).toEqual({ token: '[masked]' });
    expect(masked.details).toEqual({ apiKey: '[masked]', count: 2 });
  });

  it('caps the entry: huge before/after values are replaced by a marker', () => {
    const huge = Array.from({ length: 99 }, () =>
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 'v'.repeat(900)])),
    );
    const masked = maskAuditInput(sampleEntry({ before: huge, after: huge }));
    expect(masked.before).toMatch(/^\[truncated: entry of \d+ bytes exceeds 65536\]$/);
    expect(Buffer.byteLength(JSON.stringify(masked))).toBeLessThan(MAX_ENTRY_BYTES);
  });
});
