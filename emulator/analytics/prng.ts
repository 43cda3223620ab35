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

// mulberry32: 32-bit state, plenty for a few hundred draws per hour bucket.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
