/**
 * An ioredis client tuned to fail fast. No `server-only` here: benches and child processes run
 * under plain tsx, outside React's server condition, where `server-only` throws on import;
 * lib/redis.ts (server-only) adds the per-process reuse on top of this.
 */
import { Redis } from 'ioredis';

/** The part of a pino logger the client reports through (benches and scripts pass none). */
export interface RedisConnectionLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export function createRedisClient(url: string, log?: RedisConnectionLog, role = 'shared state'): Redis {
  const client = new Redis(url, {
    // A dead Redis rejects a command after one reconnect attempt instead of queueing it for
    // ever; commandTimeout covers a Redis that accepts the socket and then hangs.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints "Unhandled error event" on every reconnect attempt. The
  // failing commands carry the error to their callers; the log gets one line per outage.
  let lost = false;
  client.on('error', (error: Error & { code?: string }) => {
    if (lost) return;
    lost = true;
    log?.warn({ role, err: error.code ?? error.name }, 'redis unreachable; requests answer 503 until it is back');
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    log?.info({ role }, 'redis reachable again');
  });
  return client;
}
