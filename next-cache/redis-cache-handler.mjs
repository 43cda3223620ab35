// @ts-check
/**
 * Next's data cache (unstable_cache, fetch cache) and revalidateTag shared by every instance on
 * one Redis, through @trieb.work/nextjs-turbo-redis-cache. next.config.mjs names this file only
 * when REDIS_URL answered at start (select-cache-handler.mjs).
 *
 * What this wrapper adds, because Redis may still go away later:
 * - every call has a deadline: a read that cannot finish is a miss, a write that cannot finish is
 *   dropped (the data is simply fetched live next time), so a page never waits on a dead Redis;
 *   a missed deadline also counts Redis as away for a few seconds (a hung Redis stays "ready");
 * - a tag revalidation that cannot reach Redis is kept and replayed once Redis is back, so an
 *   edit made during the outage does not leave other instances serving the old value afterwards;
 *   until then this instance reads live data;
 * - one warning per outage, not one per request.
 * Next builds a new handler object per request, so that state lives with the Redis handler
 * (one per process), not on the wrapper.
 * Not supported: Redis Cluster (the handler's tag maps are plain keys of one node).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { withDeadline } from './with-deadline.mjs';

const GET_DEADLINE_MS = 800;
const WRITE_DEADLINE_MS = 2_000;
const AWAY_AFTER_MISSED_DEADLINE_MS = 5_000;

/**
 * The Redis handler with the portal's options (tests build theirs with this too).
 * @param {string} redisUrl @param {string} keyPrefix
 */
export function createRedisHandler(redisUrl, keyPrefix) {
  return new RedisStringsHandler({
    redisUrl,
    database: databaseOf(redisUrl),
    keyPrefix,
    // Not disableOfflineQueue: the handler's tag maps issue commands before the first connect.
    // Waiting on a queued command is what the deadlines and isReady checks below prevent.
    getTimeoutMs: 500,
    // No 10 s in-process copy of what Redis holds: a copy is only dropped by a Pub/Sub message,
    // and one missed around a Redis restart would serve a pre-edit value. One GET per read.
    inMemoryCachingTime: 0,
    // Re-read the shared tag map every minute, not hourly: an instance whose subscriber came
    // back late after a Redis restart learns the other instances' entries (and can purge them).
    avgResyncIntervalMs: 60_000,
    // Back off to one reconnect attempt every 5 s: the handler logs every failed attempt.
    socketOptions: {
      connectTimeout: 2_000,
      reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * 2 ** retries, 5_000),
    },
  });
}

/** @type {RedisStringsHandler | undefined} */
let shared;

/** One handler per process: Next constructs the wrapper once per request. */
function sharedHandler() {
  shared ??= createRedisHandler(process.env.REDIS_URL ?? '', `portal:next-cache:${buildIdentity()}:`);
  return shared;
}

/** Entries of one build only: a new deployment never reads pages rendered by the previous one. */
function buildIdentity() {
  let buildId = 'unbuilt';
  try {
    buildId = readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    // `next start` always has one; only a test gets here
  }
  return [process.env.DEPLOYMENT_ID, buildId].filter(Boolean).join(':');
}

/** The handler subscribes to `__keyevent@<db>__`, so it must know the database the URL selects. */
export function databaseOf(/** @type {string} */ url) {
  try {
    const db = Number.parseInt(new URL(url).pathname.slice(1), 10);
    return Number.isInteger(db) && db >= 0 ? db : 0;
  } catch {
    return 0;
  }
}

/**
 * @typedef {Pick<RedisStringsHandler, 'get' | 'set' | 'revalidateTag' | 'resetRequestCache'> & {
 *   client: { isReady: boolean, on(event: 'ready', listener: () => void): unknown }
 * }} RedisHandler
 * @typedef {{ pending: Map<string, unknown[]>, replaying?: Promise<boolean>, outage: boolean, awayUntil: number }} OutageState
 */

/** @type {WeakMap<object, OutageState>} one per Redis handler, so per process in production */
const states = new WeakMap();

/** @param {RedisHandler} handler */
function stateOf(handler) {
  let state = states.get(handler);
  if (!state) {
    const created = /** @type {OutageState} */ ({ pending: new Map(), outage: false, awayUntil: 0 });
    states.set(handler, (state = created));
    handler.client.on('ready', () => {
      created.awayUntil = 0;
      void replay(handler, created);
      if (created.outage) console.warn('[portal] shared Next cache: Redis is back');
      created.outage = false;
    });
  }
  return state;
}

/** @param {OutageState} state @param {string} operation */
function markAway(state, operation, awayForMs = 0) {
  if (awayForMs > 0) state.awayUntil = Date.now() + awayForMs;
  if (state.outage) return;
  state.outage = true;
  console.warn(`[portal] shared Next cache: Redis unavailable (${operation}); serving live data until it is back`);
}

/** @param {RedisHandler} handler @param {OutageState} state */
const available = (handler, state) => handler.client.isReady && Date.now() >= state.awayUntil;

/**
 * Sends every waiting revalidation, one replay at a time per process; tags stay queued if Redis
 * is still away. Tags revalidated with different arguments (durations) go in separate calls.
 * @param {RedisHandler} handler @param {OutageState} state @returns {Promise<boolean>} all sent
 */
function replay(handler, state) {
  state.replaying ??= (async () => {
    while (state.pending.size > 0) {
      if (!available(handler, state)) return false;
      const waiting = [...state.pending];
      const groups = new Map();
      for (const [tag, rest] of waiting) {
        const key = JSON.stringify(rest);
        groups.set(key, { rest, tags: [...(groups.get(key)?.tags ?? []), tag] });
      }
      for (const { rest, tags } of groups.values()) {
        const sent = await withDeadline(
          handler.revalidateTag(tags, ...rest).then(
            () => true,
            () => false,
          ),
          WRITE_DEADLINE_MS,
          () => undefined,
          false,
        );
        if (!sent) return markAway(state, 'revalidation', AWAY_AFTER_MISSED_DEADLINE_MS) ?? false;
      }
      // A tag revalidated again meanwhile stays queued (its newer call has not been sent).
      for (const [tag, rest] of waiting) if (state.pending.get(tag) === rest) state.pending.delete(tag);
    }
    return true;
  })().finally(() => {
    state.replaying = undefined;
  });
  return state.replaying;
}

export class SharedRedisCacheHandler {
  /**
   * Next constructs the class with its own context (ignored: the Redis handler needs none of it);
   * tests pass a handler of their own as the second argument.
   * @param {unknown} [_nextContext]
   * @param {RedisHandler} [handler]
   */
  constructor(_nextContext, handler) {
    this.handler = handler ?? /** @type {RedisHandler} */ (/** @type {unknown} */ (sharedHandler()));
    this.state = stateOf(this.handler);
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args */
  async get(...args) {
    const { handler, state } = this;
    if (!available(handler, state)) return markAway(state, 'read') ?? null;
    if (state.pending.size > 0) {
      // An edit's purge has not reached Redis yet: this instance reads live data meanwhile.
      void replay(handler, state);
      return null;
    }
    return withDeadline(
      handler.get(...args).catch(() => null),
      GET_DEADLINE_MS,
      () => markAway(state, 'read', AWAY_AFTER_MISSED_DEADLINE_MS),
      null,
    );
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    const { handler, state } = this;
    if (!available(handler, state)) return markAway(state, 'write');
    await withDeadline(
      handler.set(...args).catch(() => markAway(state, 'write')),
      WRITE_DEADLINE_MS,
      () => markAway(state, 'write', AWAY_AFTER_MISSED_DEADLINE_MS),
      undefined,
    );
  }

  /**
   * Queued first, then sent at once when Redis is there: the request that made the edit waits for
   * the purge (bounded), so the other instances drop the old value before the user reads again.
   * @param {string | string[]} tags @param {unknown[]} rest
   */
  async revalidateTag(tags, ...rest) {
    for (const tag of [tags].flat()) this.state.pending.set(tag, rest);
    if (!(await replay(this.handler, this.state))) markAway(this.state, 'revalidation');
  }

  resetRequestCache() {
    this.handler.resetRequestCache();
  }
}

export default SharedRedisCacheHandler;
