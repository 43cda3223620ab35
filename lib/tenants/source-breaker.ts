import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';
import type { ParsedTenantList } from './parse-tenant-list';
import type { TenantSource } from './sources';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface GuardedSource {
  load(): Promise<ParsedTenantList>;
  state(): BreakerState;
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * After `failureThreshold` consecutive failures the source is not asked again until
 * `halfOpenAfterMs` has passed; then one probe decides whether it closes. While open, callers
 * get BrokenCircuitError at once and the registry serves its last valid list.
 */
export function withCircuitBreaker(
  source: TenantSource,
  options: { failureThreshold: number; halfOpenAfterMs: number },
): GuardedSource {
  const policy: CircuitBreakerPolicy = circuitBreaker(handleAll, {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.failureThreshold),
  });
  return {
    load: () => policy.execute(() => source.load()),
    state: () => STATE_NAMES[policy.state],
  };
}
