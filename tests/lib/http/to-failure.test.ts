import { describe, expect, it } from 'vitest';
import { GenesysApiError, RateLimitedError } from '@/lib/genesys/errors';
import { ApiError } from '@/lib/http/api-error';
import { toFailure } from '@/lib/http/to-failure';

const REQUEST = 'req-failure-01';

describe('toFailure', () => {
  it('an upstream 429 says how long Genesys Cloud asked to wait (its Retry-After, in whole seconds)', () => {
    const error = new GenesysApiError({ status: 429, code: 'too.many.requests', message: 'slow', retryAfterMs: 2500 });
    expect(toFailure(error, REQUEST)).toEqual({
      code: 'rate_limited',
      message: 'Genesys Cloud rate limit reached; retry later.',
      requestId: REQUEST,
      retryAfterSeconds: 3,
    });
  });

  it('the portal’s own rate budget running out carries its wait too', () => {
    expect(toFailure(new RateLimitedError('acme-prod', 12_000), REQUEST)).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 12,
    });
  });

  it('an ApiError with its own Retry-After spelling is read as well', () => {
    const error = new ApiError(429, 'busy', 'Busy.', { 'retry-after': '7' });
    expect(toFailure(error, REQUEST).retryAfterSeconds).toBe(7);
  });

  it('an upstream 403 names the missing permissions', () => {
    const error = new GenesysApiError({
      status: 403,
      code: 'missing.permissions',
      message: 'The tenant lacks directory:user:view',
      missingPermissions: ['directory:user:view'],
    });
    expect(toFailure(error, REQUEST)).toEqual({
      code: 'upstream_forbidden',
      message: 'The tenant lacks directory:user:view',
      requestId: REQUEST,
      missingPermissions: ['directory:user:view'],
    });
  });

  it('a 403 without permission names and anything unknown add nothing, and never leak a raw message', () => {
    const forbidden = new GenesysApiError({ status: 403, code: 'not.authorized', message: 'No.' });
    expect(toFailure(forbidden, REQUEST)).not.toHaveProperty('missingPermissions');
    expect(toFailure(new Error('db password is hunter2'), REQUEST)).toEqual({
      code: 'internal_error',
      message: 'Something went wrong on the server.',
      requestId: REQUEST,
    });
  });
});
