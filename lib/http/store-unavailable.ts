/**
 * Redis is a hard dependency once REDIS_URL is set: sessions, tokens, rate budget and audit live
 * there, so no instance can safely answer from its own memory alone (a revoked session or an
 * overspent rate budget would pass). While Redis is away every request gets the same clear 503,
 * and the portal recovers by itself when ioredis reconnects. This recognises ioredis' ways of
 * saying "not reachable" and Redis' own refusals to serve, walking `cause` chains (wrappers keep
 * the original there).
 */
const UNAVAILABLE_MESSAGES = [
  /^Command timed out$/,
  /^Connection is closed\.?$/,
  /enableOfflineQueue options is false/,
  /^Reached the max retries per request limit/,
  // Reachable but not taking commands: still loading its data after a restart, out of memory
  // under noeviction, a replica after failover, unable to persist, busy with a script, or a
  // primary/replica set in transition.
  /^(LOADING|OOM|READONLY|MISCONF|BUSY|MASTERDOWN|NOREPLICAS|TRYAGAIN|CLUSTERDOWN) /,
];
const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError']);

export const STORE_UNAVAILABLE = {
  status: 503,
  code: 'store_unavailable',
  message: 'The portal cannot reach its shared store (Redis) right now; retry in a moment.',
  retryAfterSeconds: 5,
} as const;

export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (UNAVAILABLE_NAMES.has(current.name)) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : '')))
      return true;
    current = current.cause;
  }
  return false;
}
