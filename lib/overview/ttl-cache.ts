/**
 * In-process cache with at most one load in flight per key: rows of the same tenant asked for
 * at once share one permission probe (ten upstream calls) instead of running it twice. A load
 * that fails is not kept, so the next caller tries again. The TTL is chosen per value, so a
 * partial answer can expire sooner than a complete one.
 */
export interface TtlCacheOptions<T> {
  now: () => number;
  ttlMs: (value: T) => number;
  /** Oldest entries go first beyond this (a portal with thousands of tenants stays bounded). */
  maxEntries?: number;
}

export interface TtlCache<T> {
  /** The cached value, or the shared load's; `signal` stops this caller waiting, not the load. */
  get(key: string, load: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  delete(key: string): void;
}

export function createTtlCache<T>({ now, ttlMs, maxEntries = 5000 }: TtlCacheOptions<T>): TtlCache<T> {
  const values = new Map<string, { value: T; expiresAt: number }>();
  const flights = new Map<string, Promise<T>>();

  function store(key: string, value: T) {
    values.delete(key);
    values.set(key, { value, expiresAt: now() + ttlMs(value) });
    for (const oldest of values.keys()) {
      if (values.size <= maxEntries) break;
      values.delete(oldest);
    }
  }

  function flight(key: string, load: () => Promise<T>): Promise<T> {
    const existing = flights.get(key);
    if (existing) return existing;
    const started = load().then((value) => {
      store(key, value);
      return value;
    });
    flights.set(key, started);
    const settle = () => {
      if (flights.get(key) === started) flights.delete(key);
    };
    started.then(settle, settle);
    return started;
  }

  return {
    get(key, load, signal) {
      signal?.throwIfAborted();
      const hit = values.get(key);
      if (hit && hit.expiresAt > now()) return Promise.resolve(hit.value);
      return untilAborted(flight(key, load), signal);
    },
    delete(key) {
      values.delete(key);
    },
  };
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
