// @ts-check
/**
 * Which data cache this server process uses, decided once when `next start` (or `next dev`)
 * loads next.config.mjs: the Redis-shared handler when REDIS_URL is set and suits it, else
 * Next's in-process cache with a warning. `next build` never needs Redis.
 */
import { fileURLToPath } from 'node:url';
import { probeRedisForCache } from './probe-redis.mjs';

const SERVER_PHASES = new Set(['phase-production-server', 'phase-development-server']);

/**
 * @param {string} phase Next's phase name
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<string | undefined>} the handler's path, or undefined for the in-process cache
 */
export async function selectCacheHandler(phase, env = process.env) {
  if (!SERVER_PHASES.has(phase)) return undefined;
  if (!env.REDIS_URL) {
    console.warn('[portal] Next data cache: in-process (REDIS_URL not set; fine for one instance, not for several)');
    return undefined;
  }
  const probe = await probeRedisForCache(env.REDIS_URL, {
    skipKeyspaceCheck: (env.SKIP_KEYSPACE_CONFIG_CHECK ?? '').toLowerCase() === 'true',
  });
  if (!probe.ok) {
    console.warn(
      `[portal] Next data cache: in-process, NOT shared between instances: Redis unsuitable at start (${probe.reason}). ` +
        'Other Redis-backed state still uses REDIS_URL; restart this instance once Redis is fixed.',
    );
    return undefined;
  }
  console.info('[portal] Next data cache: shared by all instances through Redis');
  return fileURLToPath(new URL('./redis-cache-handler.mjs', import.meta.url));
}
