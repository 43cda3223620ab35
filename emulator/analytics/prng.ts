import { mulberry32 } from '../prng';

// Small, fast, deterministic generators. Every hour of every queue gets its own PRNG stream
// keyed by (seed, org, queue, hour), so any interval reproduces the same conversations no
// matter how it is sliced or in which order hours are visited.

// FNV-1a over UTF-16 code units, then a murmur3 finaliser for avalanche.
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const rngFor = (...parts: Array<string | number>): (() => number) => mulberry32(hashString(parts.join('|')));

// Knuth's method; fine for the small hourly rates we draw (lambda well under 50).
export function poisson(rng: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}
