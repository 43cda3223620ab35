import 'server-only';
import type { Redis } from 'ioredis';
import { logger } from './logger';
import { createRedisClient } from './upstream/redis-client';

/**
 * One ioredis client per URL per process. Kept on globalThis because Next's dev server
 * re-evaluates modules on every edit, and a fresh client per reload would leak connections.
 * Options (fail fast when Redis is down) live in upstream/redis-client.ts, which benches and
 * scripts can import without `server-only`.
 */
const globalForRedis = globalThis as typeof globalThis & { __portalRedisClients?: Map<string, Redis> };

export function getRedis(url: string): Redis {
  const clients = (globalForRedis.__portalRedisClients ??= new Map<string, Redis>());
  let client = clients.get(url);
  if (!client) clients.set(url, (client = createRedisClient(url, logger, 'health, snapshots')));
  return client;
}

export { tenantKey } from './upstream/keys';
