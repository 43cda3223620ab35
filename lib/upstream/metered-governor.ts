import type { Clock, RateGovernor } from '../genesys/ports';
import type { UsageMeter } from './usage-meter';

/**
 * Counts what the governor lets through (each granted slot is one upstream attempt) and every
 * 429 it is told about, without touching the pacing itself.
 */
export function withUsageMeter(governor: RateGovernor, usage: UsageMeter, clock: Clock): RateGovernor {
  return {
    async acquire(tenant, options) {
      const release = await governor.acquire(tenant, options);
      usage.record(tenant.tenantId, 'requests', clock.now());
      return release;
    },
    penalize(tenantId, retryAfterMs) {
      usage.record(tenantId, 'throttled', clock.now());
      return governor.penalize(tenantId, retryAfterMs);
    },
  };
}
