/**
 * Per-tenant pacing in front of every upstream request: a GCRA schedule shared through the
 * RateStore (so several instances pace together) and an in-process concurrency cap.
 * The math and the defaults are in rate-gcra.ts.
 */
import { RateLimitedError } from './errors';
import type { Clock, RateGovernor, TenantConnection } from './ports';
import { gcraParameters, type GcraParameters } from './rate-gcra';
import { createSemaphore, type Semaphore } from './rate-semaphore';
import type { RateStore } from './rate-store';

export interface RateGovernorOptions {
  clock: Clock;
  store: RateStore;
  /** In-flight requests per tenant in this process. */
  maxConcurrency?: number;
  /** Requests allowed back to back before spacing starts (default: 5 % of the limit, ≤ 10). */
  burst?: number;
  /** Fraction of the limit kept unused (default 0.02). */
  safetyFraction?: number;
}

export const DEFAULT_MAX_CONCURRENCY = 8;

export const rateKey = (tenantId: string) => `genesys:tenant:${tenantId}:rate`;

type Tenant = Pick<TenantConnection, 'tenantId' | 'rateLimitPerMinute'>;

export function createRateGovernor(options: RateGovernorOptions): RateGovernor & {
  parameters(limitPerMinute: number): GcraParameters;
} {
  const { clock, store } = options;
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const semaphores = new Map<string, Semaphore>();
  const parameters = (limit: number) =>
    gcraParameters(limit, { burst: options.burst, safetyFraction: options.safetyFraction });

  const semaphoreOf = (tenantId: string) => {
    let semaphore = semaphores.get(tenantId);
    if (!semaphore) semaphores.set(tenantId, (semaphore = createSemaphore(maxConcurrency)));
    return semaphore;
  };

  async function waitForSlot(tenant: Tenant, deadline: number, signal?: AbortSignal): Promise<void> {
    const key = rateKey(tenant.tenantId);
    const { emissionIntervalMs, burstToleranceMs } = parameters(tenant.rateLimitPerMinute);
    for (;;) {
      const now = clock.now();
      const reservation = await store.reserve(
        key,
        now,
        emissionIntervalMs,
        burstToleranceMs,
        Math.max(0, deadline - now),
      );
      if ('rejectedRetryAfterMs' in reservation) {
        throw new RateLimitedError(tenant.tenantId, reservation.rejectedRetryAfterMs);
      }
      if (reservation.allowedAtMs <= now) return;
      await clock.sleep(reservation.allowedAtMs - now, signal);
      // A 429 may have landed (here or on another instance) while we slept. If its hold
      // covers our slot, the slot is given up and we queue again behind the hold.
      const heldUntil = await store.heldUntil(key);
      if (heldUntil === undefined || heldUntil <= reservation.allowedAtMs) return;
    }
  }

  return {
    parameters,
    async acquire(tenant, { maxWaitMs, signal }) {
      // Concurrency first, then the rate slot: a slot taken while queued for concurrency
      // would be sent late and could bunch with later slots inside one window.
      const deadline = clock.now() + maxWaitMs;
      const release = await semaphoreOf(tenant.tenantId).acquire(signal);
      try {
        await waitForSlot(tenant, deadline, signal);
        return release;
      } catch (error) {
        release();
        throw error;
      }
    },
    async penalize(tenantId, retryAfterMs) {
      const now = clock.now();
      await store.hold(rateKey(tenantId), now, now + Math.max(0, retryAfterMs));
    },
  };
}
