// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialHealth } from '@/components/dashboard/credential-health';
import type { CredentialHealthView } from '@/lib/dashboard/types';

afterEach(cleanup);

const AT = Date.parse('2026-03-04T12:00:00Z');
const value = (term: string) => screen.getByText(term).nextElementSibling?.textContent;

describe('CredentialHealth', () => {
  it('a healthy tenant: valid token, verified binding, healthy source, in words', () => {
    const health: CredentialHealthView = {
      at: AT,
      lastTokenAt: AT - 10 * 60_000,
      tokenExpiresAt: AT + 23 * 3_600_000,
      binding: { ok: true, at: AT - 10 * 60_000 },
      breaker: 'closed',
      rotationDueAt: AT + 3 * 86_400_000,
      lastError: null,
    };
    render(<CredentialHealth health={health} />);
    expect(value('Token')).toBe('Valid expires in 23 h');
    expect(value('Last token')).toBe('10 min ago');
    expect(value('Org binding')).toBe('Verified 10 min ago');
    expect(value('Tenant source')).toBe('Healthy (circuit closed)');
    expect(value('Rotation due')).toBe('in 3 days');
    expect(value('Last error')).toBe('None');
    expect(screen.getAllByText('10 min ago')[0]?.getAttribute('title')).toBe('2026-03-04 11:50 UTC');
  });

  it('a failing tenant: expired token, wrong organization, open circuit, the last error', () => {
    render(
      <CredentialHealth
        health={{
          at: AT,
          lastTokenAt: AT - 2 * 86_400_000,
          tokenExpiresAt: AT - 3_600_000,
          binding: { ok: false, at: AT - 120_000 },
          breaker: 'open',
          rotationDueAt: null,
          lastError: {
            code: 'credentials_invalid',
            message: 'The token endpoint refused the client.',
            at: AT - 120_000,
          },
        }}
      />,
    );
    expect(value('Token')).toBe('Expired expired 1 h ago');
    expect(value('Org binding')).toBe('Wrong organization 2 min ago');
    expect(value('Tenant source')).toBe('Failing (circuit open)');
    expect(value('Rotation due')).toBe('Not rotating');
    expect(value('Last error')).toBe('credentials_invalid The token endpoint refused the client. (2 min ago)');
  });

  it('a tenant never used: nothing recorded yet', () => {
    render(
      <CredentialHealth
        health={{
          at: AT,
          lastTokenAt: null,
          tokenExpiresAt: null,
          binding: null,
          breaker: 'half-open',
          rotationDueAt: null,
          lastError: null,
        }}
      />,
    );
    expect(value('Token')).toBe('None yet');
    expect(value('Org binding')).toBe('Not checked yet');
    expect(value('Tenant source')).toBe('Recovering (circuit half-open)');
  });
});
