// @ts-check
/**
 * Next's data cache (unstable_cache, fetch cache) and revalidateTag shared by every instance on
 * one Redis, through @trieb.work/nextjs-turbo-redis-cache. next.config.mjs names this file only
 * when REDIS_URL answered at start (select-cache-handler.mjs).
 *
 * What this wrapper adds, because Redis may still go away later:
 * - every call has a deadline: a read that cannot finish is a miss, a write that cannot finish is
 *   dropped (the data is simply fetched live next time), so a page never waits on a dead Redis;
 * - a tag revalidation that cannot reach Redis is kept and replayed once Redis is back, so an
 *   edit made during the outage does not leave other instances serving the old value afterwards;
 * - one warning per outage, not one per request.
 * Not supported: Redis Cluster (the handler's tag maps are plain keys of one node).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { withDeadline } from './with-deadline.mjs';

const GET_DEADLINE_MS = 800;
const WRITE_DEADLINE_MS = 2_000;

/** @type {RedisStringsHandler | undefined} */
let shared;

/** One handler per process: Next may construct the class more than once. */
function sharedHandler() {
  shared ??= new RedisStringsHandler({
    redisUrl: process.env.REDIS_URL,
    database: databaseOf(process.env.REDIS_URL ?? ''),
    keyPrefix: `portal:next-cache:${buildIdentity()}:`,
    // Not disableOfflineQueue: the handler's tag maps issue commands before the first connect.
    // Waiting on a queued command is what the deadlines and isReady checks below prevent.
    getTimeoutMs: 500,
    // Back off to one reconnect attempt every 5 s: the handler logs every failed attempt.
    socketOptions: {
      connectTimeout: 2_000,
      reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * 2 ** retries, 5_000),
    },
  });
  return shared;
}

/** Entries of one build only: a new deployment never reads pages rendered by the previous one. */
function buildIdentity() {
  if (process.env.DEPLOYMENT_ID) return process.env.DEPLOYMENT_ID;
  try {
    return readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
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

export class SharedRedisCacheHandler {
  /** @type {Map<string, unknown[]>} tag → the arguments of its revalidation, waiting for Redis */
  #pendingTags = new Map();
  #outage = false;

  /**
   * Next constructs the class with its own context (ignored: the Redis handler needs none of it);
   * tests pass a handler of their own as the second argument.
   * @param {unknown} [_nextContext]
   * @param {Pick<RedisStringsHandler, 'get' | 'set' | 'revalidateTag' | 'resetRequestCache'> & { client: { isReady: boolean } }} [handler]
   */
  constructor(_nextContext, handler) {
    this.handler = handler ?? /** @type {any} */ (sharedHandler());
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args */
  async get(...args) {
    await this.#replayPendingTags();
    // Away, or a revalidation not applied yet: a miss, so the page reads live data.
    if (!this.handler.client.isReady) return this.#warn('read') ?? null;
    if (this.#pendingTags.size > 0) return null;
    return withDeadline(
      this.handler.get(...args).catch(() => null),
      GET_DEADLINE_MS,
      () => this.#warn('read'),
      null,
    );
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    if (!this.handler.client.isReady) return this.#warn('write');
    await withDeadline(
      this.handler.set(...args).catch(() => this.#warn('write')),
      WRITE_DEADLINE_MS,
      () => this.#warn('write'),
      undefined,
    );
  }

  /** @param {string | string[]} tags @param {unknown[]} rest */
  async revalidateTag(tags, ...rest) {
    for (const tag of [tags].flat()) this.#pendingTags.set(tag, rest);
    await this.#replayPendingTags();
  }

  resetRequestCache() {
    this.handler.resetRequestCache();
  }

  /** Sends every waiting revalidation in one call; they stay queued if Redis is still away. */
  async #replayPendingTags() {
    if (this.#pendingTags.size === 0) return;
    if (!this.handler.client.isReady) return this.#warn('revalidation');
    const waiting = [...this.#pendingTags];
    const [, rest] = waiting[0] ?? [];
    const sent = await withDeadline(
      this.handler
        .revalidateTag(
          waiting.map(([tag]) => tag),
          ...(rest ?? []),
        )
        .then(
          () => true,
          () => false,
        ),
      WRITE_DEADLINE_MS,
      () => undefined,
      false,
    );
    if (!sent) return this.#warn('revalidation');
    for (const [tag, tagRest] of waiting) if (this.#pendingTags.get(tag) === tagRest) this.#pendingTags.delete(tag);
    if (this.#outage) console.warn('[portal] shared Next cache: Redis is back; pending revalidations applied');
    this.#outage = false;
  }

  #warn(/** @type {string} */ operation) {
    if (this.#outage) return;
    this.#outage = true;
    console.warn(`[portal] shared Next cache: Redis unavailable (${operation}); serving live data until it is back`);
  }
}

export default SharedRedisCacheHandler;
