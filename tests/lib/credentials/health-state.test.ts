import { describe, expect, it } from 'vitest';
import { assessCredentialHealth } from '@/lib/credentials/health-state';

const NOW = 1_000_000_000;
const healthy = {
  token: { lastAt: NOW - 1000, expiresAt: NOW + 3_600_000 },
  binding: { state: 'ok' as const, at: NOW - 1000 },
  rotation: { intervalMs: 86_400_000, dueAt: NOW + 1000 },
  lastError: null,
  breaker: 'closed' as const,
};

describe('assessCredentialHealth', () => {
  it('is healthy with a checked token and nothing due', () => {
    expect(assessCredentialHealth(healthy, NOW)).toEqual({ health: 'healthy', reasons: [] });
  });

  it('is unused before any token, unless something else needs attention', () => {
    const unused = { ...healthy, token: { lastAt: null, expiresAt: null } };
    expect(assessCredentialHealth(unused, NOW).health).toBe('unused');
    expect(assessCredentialHealth({ ...unused, breaker: 'open' }, NOW).health).toBe('attention');
  });

  it('needs attention when the rotation is overdue or the source breaker is not closed', () => {
    expect(assessCredentialHealth(healthy, healthy.rotation.dueAt)).toMatchObject({ health: 'attention' });
    expect(assessCredentialHealth({ ...healthy, breaker: 'half-open' }, NOW)).toMatchObject({ health: 'attention' });
  });

  it('fails on a binding mismatch or an unrecovered error, listing every reason', () => {
    const result = assessCredentialHealth(
      {
        ...healthy,
        binding: { state: 'mismatch', at: NOW, reportedOrgId: 'org-b' },
        lastError: { code: 'credentials_invalid', message: 'x', at: NOW, recovered: false },
        breaker: 'open',
      },
      NOW,
    );
    expect(result.health).toBe('failing');
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[0]).toBe('The credentials are bound to another organization (org-b)');
    const recovered = { ...healthy, lastError: { code: 'x', message: 'x', at: NOW - 5000, recovered: true } };
    expect(assessCredentialHealth(recovered, NOW).health).toBe('healthy');
  });

  it('says only "another organization" when the view carries no org id (a user not granted every tenant)', () => {
    const result = assessCredentialHealth({ ...healthy, binding: { state: 'mismatch', at: NOW } }, NOW);
    expect(result).toEqual({ health: 'failing', reasons: ['The credentials are bound to another organization'] });
  });
});
