/** TokenCache for a single instance. Entries expire by the injected clock, like Redis PX. */
import type { AccessToken, TokenCache } from '../genesys/ports';

export function createMemoryTokenCache(now: () => number = Date.now): TokenCache {
  const entries = new Map<string, { token: AccessToken; until: number }>();
  return {
    get(tenantId) {
      const entry = entries.get(tenantId);
      if (entry && entry.until <= now()) entries.delete(tenantId);
      return Promise.resolve(entry && entry.until > now() ? entry.token : undefined);
    },
    set(tenantId, token, ttlMs) {
      entries.set(tenantId, { token, until: now() + ttlMs });
      return Promise.resolve();
    },
    delete(tenantId, onlyIfValue) {
      const entry = entries.get(tenantId);
      if (entry && (onlyIfValue === undefined || entry.token.value === onlyIfValue)) entries.delete(tenantId);
      return Promise.resolve();
    },
  };
}
