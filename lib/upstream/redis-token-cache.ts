/**
 * TokenCache shared by all instances: `genesys:tenant:{id}:token` = JSON {value, expiresAt}
 * with PX = the token's TTL. The value is a live credential: Redis must be private to the
 * portal (no ACL-less shared Redis).
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { TokenCache } from '../genesys/ports';
import { tenantKey } from './keys';

const tokenSchema = z.object({ value: z.string(), expiresAt: z.number() });

// Compare-and-delete: a caller that saw a 401 on an old token must not evict the new one.
const DELETE_IF_VALUE = `
local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local ok, token = pcall(cjson.decode, stored)
if ok and type(token) == 'table' and token.value == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export const tokenKey = (tenantId: string) => tenantKey(tenantId, 'token');

export function createRedisTokenCache(redis: Redis): TokenCache {
  return {
    async get(tenantId) {
      const raw = await redis.get(tokenKey(tenantId));
      if (raw === null) return undefined;
      try {
        const parsed = tokenSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(tenantId, token, ttlMs) {
      const entry = JSON.stringify({ value: token.value, expiresAt: token.expiresAt });
      await redis.set(tokenKey(tenantId), entry, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(tenantId, onlyIfValue) {
      if (onlyIfValue === undefined) await redis.del(tokenKey(tenantId));
      else await redis.eval(DELETE_IF_VALUE, 1, tokenKey(tenantId), onlyIfValue);
    },
  };
}
