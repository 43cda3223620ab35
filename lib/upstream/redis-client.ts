/**
 * An ioredis client tuned to fail fast. No `server-only` here: benches and child processes run
 * under plain tsx, outside React's server condition, where `server-only` throws on import;
 * lib/redis.ts (server-only) adds the per-process reuse on top of this.
 */
import { Redis } from 'ioredis';

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    // A dead Redis rejects a command after one reconnect attempt instead of queueing it for
    // ever; commandTimeout covers a Redis that accepts the socket and then hangs.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
