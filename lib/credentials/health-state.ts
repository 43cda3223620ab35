import type { CredentialHealth, TenantCredentialView } from './types';

type Facts = Pick<TenantCredentialView, 'token' | 'binding' | 'rotation' | 'lastError' | 'breaker'>;

/**
 * One word for a tenant's credentials, with the reasons behind it. Failing: the portal cannot act
 * for the tenant right now. Attention: it can, but something needs an operator (rotation overdue,
 * source unreachable). Unused: this instance has not needed a token yet, so nothing is known.
 */
export function assessCredentialHealth(facts: Facts, now: number): { health: CredentialHealth; reasons: string[] } {
  const failing: string[] = [];
  const attention: string[] = [];
  if (facts.binding.state === 'mismatch') {
    const other = facts.binding.reportedOrgId;
    failing.push(`The credentials are bound to another organization${other ? ` (${other})` : ''}`);
  }
  if (facts.lastError && !facts.lastError.recovered) {
    failing.push(`Token requests are failing (${facts.lastError.code})`);
  }
  if (facts.breaker === 'open') attention.push('The credential source is unreachable; the last valid list is in use');
  if (facts.breaker === 'half-open') attention.push('The credential source is recovering from failures');
  if (facts.rotation && facts.rotation.dueAt <= now) attention.push('The scheduled credential re-read is overdue');

  if (failing.length > 0) return { health: 'failing', reasons: [...failing, ...attention] };
  if (attention.length > 0) return { health: 'attention', reasons: attention };
  if (facts.token.lastAt === null) {
    return { health: 'unused', reasons: ['No token has been requested by this portal instance yet'] };
  }
  return { health: 'healthy', reasons: [] };
}

const ORDER: Record<CredentialHealth, number> = { failing: 0, attention: 1, unused: 2, healthy: 3 };

/** Most serious first, then by name: the tenants that need someone are at the top. */
export function compareByHealth(a: TenantCredentialView, b: TenantCredentialView): number {
  return ORDER[a.health] - ORDER[b.health] || a.displayName.localeCompare(b.displayName, 'en');
}
