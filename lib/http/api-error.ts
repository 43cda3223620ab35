import { BrandedError } from '../genesys/branded-error';
/** An error the portal answers with as is: status, machine code, human message. */
export class ApiError extends BrandedError {
  static override readonly brand = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthorized = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (message = 'You do not have access to this.') => new ApiError(403, 'forbidden', message);
export const tenantNotGranted = () =>
  // Same answer whether the tenant exists or not: no probing for other customers' ids.
  new ApiError(403, 'tenant_not_granted', 'This tenant is not available to you.');
