/**
 * What lib/genesys needs from the outside world, as interfaces. The core stays framework-free
 * (no next/*, no process.env, no Redis client): the server wires real implementations in
 * lib/upstream/, tests pass fakes, and a fake clock makes every wait instant and exact.
 */
import type { RegionEnvironment } from './regions';

export interface Clock {
  now(): number;
  /** Resolves after ms; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface GenesysLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Everything the core needs to reach one tenant's org. Secrets stay server-side. */
export interface TenantConnection {
  tenantId: string;
  orgId: string;
  region: RegionEnvironment;
  clientId: string;
  clientSecret: string;
  rateLimitPerMinute: number;
}

export interface AccessToken {
  value: string;
  /** Epoch ms after which the token must not be used (expires_in minus a safety margin). */
  expiresAt: number;
}

/** Per-tenant token cache. Keys always contain the tenant id; values are never logged. */
export interface TokenCache {
  get(tenantId: string): Promise<AccessToken | undefined>;
  set(tenantId: string, token: AccessToken, ttlMs: number): Promise<void>;
  /** Deletes only if the cached value is still `onlyIfValue` (when given): never evicts a newer token. */
  delete(tenantId: string, onlyIfValue?: string): Promise<void>;
}

/** Cross-process mutual exclusion (Redis SET NX PX + compare-and-delete), or in-process. */
export interface DistributedLock {
  /** Returns an owner token when acquired, undefined when someone else holds the lock. */
  tryAcquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Releases only if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
}

export interface TokenProvider {
  getToken(tenant: TenantConnection, options?: { signal?: AbortSignal }): Promise<AccessToken>;
  /** Evicts the tenant's token (only `tokenValue` when given, so a newer token survives). */
  invalidate(tenantId: string, tokenValue?: string): Promise<void>;
}

/**
 * Per-tenant pacing: a token bucket at the tenant's limit (shared across instances) and a
 * concurrency cap. `acquire` waits for a slot; if the wait would exceed maxWaitMs it throws
 * RateLimitedError carrying the wait instead of sleeping.
 */
export interface RateGovernor {
  acquire(
    tenant: Pick<TenantConnection, 'tenantId' | 'rateLimitPerMinute'>,
    options: { maxWaitMs: number; signal?: AbortSignal },
  ): Promise<() => void>;
  /** Upstream said 429: stop everyone on this tenant until the Retry-After has passed. */
  penalize(tenantId: string, retryAfterMs: number): Promise<void>;
}

/** Health events for the per-tenant health view; implementations must not throw. */
export interface TenantHealthRecorder {
  tokenAcquired(tenantId: string, details: { at: number; expiresAt: number }): void;
  tokenFailed(tenantId: string, details: { at: number; code: string; message: string }): void;
  bindingChecked(tenantId: string, details: { at: number; ok: boolean; reportedOrgId?: string }): void;
}

/**
 * Called when the token endpoint rejects a tenant's client (invalid_client): re-read the
 * credentials once. Returns the fresh connection, or undefined when nothing changed.
 */
export type CredentialRefresher = (tenantId: string) => Promise<TenantConnection | undefined>;
