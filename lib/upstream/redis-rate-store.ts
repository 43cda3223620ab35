/**
 * RateStore shared by all instances: the GCRA step of rate-gcra.ts as one Lua script per
 * operation, so the read-decide-write is atomic across instances. Hash
 * `genesys:tenant:{id}:rate` = { tat, hold } (epoch ms), expiring once it no longer matters.
 *
 * Why not rate-limiter-flexible: its limiters read Date.now() inside (and Redis TIME), so a
 * test's fake clock and the emulator's clock could not drive them, and it has no GCRA with a
 * "reserve a future slot" answer. `now` comes from the caller here; instances must keep their
 * clocks in sync (NTP), the safety fraction absorbs small skew.
 */
import type { Redis } from 'ioredis';
import type { RateReservation, RateStore } from '../genesys/rate-store';

// Mirrors gcraReserve: tat = max(tat, now, hold + τ); allowedAt = max(now, tat − τ).
// Numbers travel as strings ('%.3f'): a Lua number returned to Redis is truncated to an integer.
const RESERVE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
local fields = redis.call('HMGET', KEYS[1], 'tat', 'hold')
local tat = math.max(tonumber(fields[1]) or now, now)
local hold = tonumber(fields[2])
if hold then tat = math.max(tat, hold + tolerance) end
local allowedAt = math.max(now, tat - tolerance)
local wait = allowedAt - now
if wait > maxWait then return {0, string.format('%.3f', wait)} end
local nextTat = tat + interval
redis.call('HSET', KEYS[1], 'tat', string.format('%.3f', nextTat))
redis.call('PEXPIRE', KEYS[1], math.ceil(nextTat - now) + 1000)
return {1, string.format('%.3f', allowedAt)}`;

// The hold's effect lasts until hold + τ, and τ < 60 s for any sensible burst.
const HOLD = `
local now = tonumber(ARGV[1])
local untilMs = tonumber(ARGV[2])
local current = tonumber(redis.call('HGET', KEYS[1], 'hold'))
if current == nil or untilMs > current then redis.call('HSET', KEYS[1], 'hold', string.format('%.3f', untilMs)) end
local keep = math.ceil(untilMs - now) + 60000
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return 1`;

type Scripts = {
  gcraReserve(key: string, ...args: string[]): Promise<[number, string]>;
  gcraHold(key: string, ...args: string[]): Promise<number>;
};

export function createRedisRateStore(redis: Redis): RateStore {
  // defineCommand sends EVALSHA and falls back to EVAL once per connection (NOSCRIPT).
  redis.defineCommand('gcraReserve', { numberOfKeys: 1, lua: RESERVE });
  redis.defineCommand('gcraHold', { numberOfKeys: 1, lua: HOLD });
  const scripts = redis as unknown as Scripts;
  return {
    async reserve(key, nowMs, emissionIntervalMs, burstToleranceMs, maxWaitMs): Promise<RateReservation> {
      const args = [nowMs, emissionIntervalMs, burstToleranceMs, maxWaitMs].map(String);
      const [allowed, value] = await scripts.gcraReserve(key, ...args);
      return allowed === 1 ? { allowedAtMs: Number(value) } : { rejectedRetryAfterMs: Number(value) };
    },
    async hold(key, nowMs, untilMs) {
      await scripts.gcraHold(key, String(nowMs), String(untilMs));
    },
    async heldUntil(key) {
      const value = await redis.hget(key, 'hold');
      return value === null ? undefined : Number(value);
    },
  };
}
