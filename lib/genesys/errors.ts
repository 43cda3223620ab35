/**
 * Typed errors of the Genesys core. None of them carries a token, secret or Authorization
 * header: messages are built from codes and ids only, so they are safe to log and to map
 * into the portal's error body.
 */

export interface GenesysApiErrorInit {
  status: number;
  code: string;
  message: string;
  correlationId?: string;
  retryAfterMs?: number;
  missingPermissions?: string[];
}

/** An upstream Platform API error (ErrorBody) or a transport failure mapped to a status. */
export class GenesysApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  readonly missingPermissions: string[];

  constructor(init: GenesysApiErrorInit) {
    super(init.message);
    this.name = 'GenesysApiError';
    this.status = init.status;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.missingPermissions = init.missingPermissions ?? [];
  }
}

/** Upstream answered, but the body broke the schema we rely on (a 502-class contract error). */
export class GenesysContractError extends Error {
  constructor(
    readonly operation: string,
    readonly issues: string[],
    readonly correlationId?: string,
  ) {
    super(`Genesys response for ${operation} did not match the expected shape: ${issues.slice(0, 3).join('; ')}`);
    this.name = 'GenesysContractError';
  }
}

/** Waiting for the rate budget (or a Retry-After) would exceed the caller's budget. */
export class RateLimitedError extends Error {
  constructor(
    readonly tenantId: string,
    readonly retryAfterMs: number,
  ) {
    super(`Rate limit for tenant ${tenantId}: retry in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'RateLimitedError';
  }
}

/** The deadline over all attempts passed. */
export class GenesysTimeoutError extends Error {
  constructor(readonly operation: string) {
    super(`Genesys request ${operation} timed out`);
    this.name = 'GenesysTimeoutError';
  }
}

export type TenantFailureCode =
  | 'credentials_invalid'
  | 'tenant_binding_mismatch'
  | 'token_endpoint_error'
  | 'tenant_unavailable';

/** The tenant cannot be used at all right now; fails closed, never falls back to another tenant. */
export class TenantAccessError extends Error {
  constructor(
    readonly tenantId: string,
    readonly code: TenantFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'TenantAccessError';
  }
}
