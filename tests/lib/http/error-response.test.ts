import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditUnavailableError } from '@/lib/audit/types';
import { GenesysApiError, GenesysTimeoutError, RateLimitedError, TenantAccessError } from '@/lib/genesys/errors';
import { ApiError } from '@/lib/http/api-error';
import { errorResponse } from '@/lib/http/error-response';

async function mapped(error: unknown) {
  const response = errorResponse(error, 'req-12345678');
  const body = (await response.json()) as { error: Record<string, unknown> };
  return { status: response.status, headers: response.headers, error: body.error };
}

describe('errorResponse', () => {
  it('maps each failure once, with one body shape and the request id', async () => {
    const upstream = (status: number, code: string) =>
      new GenesysApiError({
        status,
        code,
        message: `m ${code}`,
        correlationId: 'corr-1',
        missingPermissions: ['directory:organization:admin'],
      });
    const cases: Array<[unknown, number, string]> = [
      [new ApiError(409, 'tenant_context_changed', 'switched'), 409, 'tenant_context_changed'],
      [z.object({ a: z.string() }).safeParse({}).error, 422, 'invalid_input'],
      [upstream(401, 'bad.credentials'), 502, 'upstream_auth_failed'],
      [upstream(403, 'missing.any.permissions'), 403, 'upstream_forbidden'],
      [upstream(404, 'not.found'), 404, 'not_found'],
      [upstream(409, 'general.conflict'), 409, 'conflict'],
      [upstream(503, 'service.unavailable'), 502, 'upstream_error'],
      [new RateLimitedError('acme-prod', 42_500), 429, 'rate_limited'],
      [new GenesysTimeoutError('organizations.me'), 504, 'upstream_timeout'],
      [new TenantAccessError('acme-prod', 'credentials_invalid', 'refused'), 503, 'credentials_invalid'],
      [new AuditUnavailableError('redis down'), 503, 'audit_unavailable'],
      [new Error('secret detail: canary-123'), 500, 'internal_error'],
    ];
    for (const [error, status, code] of cases) {
      const result = await mapped(error);
      expect([result.status, result.error.code]).toEqual([status, code]);
      expect(result.error.requestId).toBe('req-12345678');
      expect(result.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('names the missing permission, keeps Retry-After, and hides internal details', async () => {
    const forbidden = await mapped(
      new GenesysApiError({
        status: 403,
        code: 'missing.any.permissions',
        message: 'grant it',
        missingPermissions: ['directory:organization:admin'],
      }),
    );
    expect(forbidden.error.missingPermissions).toEqual(['directory:organization:admin']);
    expect((await mapped(new RateLimitedError('t', 42_500))).headers.get('retry-after')).toBe('43');
    expect(JSON.stringify((await mapped(new Error('secret detail: canary-123'))).error)).not.toContain('canary');
  });

  it('lists invalid input without echoing a long key or value back', async () => {
    const key = 'k'.repeat(60_000);
    const invalid = z.strictObject({ version: z.number() }).safeParse({ version: 1, [key]: 1 }).error;
    const answer = await mapped(invalid);
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.error).length).toBeLessThan(500);
    expect(JSON.stringify(answer.error)).not.toContain('k'.repeat(61));
  });
});
