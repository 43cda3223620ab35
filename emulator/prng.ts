// Seeded randomness. Faker would be slower and would tie determinism to a library version;
// a 20-line PRNG keeps "same seed → same data" true forever.

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data (not for secrets). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, so each org/stream gets an independent but reproducible sequence. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const streamRng = (...parts: Array<string | number>): Rng => mulberry32(hashSeed(...parts));

export const randomInt = (rng: Rng, min: number, maxInclusive: number): number =>
  min + Math.floor(rng() * (maxInclusive - min + 1));

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const HEX = '0123456789abcdef';

// Strings are assembled from arrays and joined once: `+=` per character leaves V8 rope strings
// that every later comparison and Map lookup has to flatten (it tripled directory build time).

/** RFC 4122 version-4 layout, drawn from the seeded stream. */
export function seededUuid(rng: Rng): string {
  const chars: string[] = [];
  for (let i = 0; i < 32; i++) {
    let nibble = Math.floor(rng() * 16);
    if (i === 12) nibble = 4;
    if (i === 16) nibble = 8 + (nibble & 3);
    chars.push(HEX[nibble] ?? '0');
    if (i === 7 || i === 11 || i === 15 || i === 19) chars.push('-');
  }
  return chars.join('');
}

const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const drawChars = (rng: Rng, alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)] ?? '').join('');

/** Genesys client secrets look like 43 url-safe characters. */
export const seededSecret = (rng: Rng, length = 43): string => drawChars(rng, SECRET_CHARS, length);

export const seededHex = (rng: Rng, length: number): string => drawChars(rng, HEX, length);
