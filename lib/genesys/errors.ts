/**
 * Typed errors of the Genesys core. None of them carries a token, secret or Authorization
 * header: messages are built from codes and ids only, so they are safe to log and to map
 * into the portal's error body.
 */
import { BrandedError } from './branded-error';

export interface GenesysApiErrorInit {
  status: number;
  code: string;
  message: string;
  correlationId?: string;
  retryAfterMs?: number;
  missingPermissions?: string[];
}

/** An upstream Platform API error (ErrorBody) or a transport failure mapped to a status. */
export class GenesysApiError extends BrandedError {
  static override readonly brand = 'GenesysApiError';

  readonly status: number;
  readonly code: string;
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  readonly missingPermissions: string[];

  constructor(init: GenesysApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.missingPermissions = init.missingPermissions ?? [];
  }
}

/** Upstream answered, but the body broke the schema we rely on (a 502-class contract error). */
export class GenesysContractError extends BrandedError {
  static override readonly brand = 'GenesysContractError';

  constructor(
    readonly operation: string,
    readonly issues: string[],
    readonly correlationId?: string,
  ) {
    super(`Genesys response for ${operation} did not match the expected shape: ${issues.slice(0, 3).join('; ')}`);
  }
}

/** Waiting for the rate budget (or a Retry-After) would exceed the caller's budget. */
export class RateLimitedError extends BrandedError {
  static override readonly brand = 'RateLimitedError';

  constructor(
    readonly tenantId: string,
    readonly retryAfterMs: number,
  ) {
    super(`Rate limit for tenant ${tenantId}: retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** The deadline over all attempts passed. */
export class GenesysTimeoutError extends BrandedError {
  static override readonly brand = 'GenesysTimeoutError';

  constructor(readonly operation: string) {
    super(`Genesys request ${operation} timed out`);
  }
}

export type TenantFailureCode =
  'credentials_invalid' | 'tenant_binding_mismatch' | 'token_endpoint_error' | 'tenant_unavailable';

/** The tenant cannot be used at all right now; fails closed, never falls back to another tenant. */
export class TenantAccessError extends BrandedError {
  static override readonly brand = 'TenantAccessError';

  constructor(
    readonly tenantId: string,
    readonly code: TenantFailureCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A path parameter or operation that would not stay inside /api/v2/ on the tenant's own host
 * (empty, `/`, `..`, pre-encoded `%`, control characters). A programming or input error, never
 * sent upstream; the message names the parameter, not its value.
 */
export class InvalidApiRequestError extends BrandedError {
  static override readonly brand = 'InvalidApiRequestError';

  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`Invalid Genesys request for ${operation}: ${reason}`);
  }
}

// `domain:entity:action` (a role may use `*`); inside brackets a bare word such as `admin` is
// a permission too (PATCH /users requires "ANY admin, directory:user:edit, ...").
const SCOPED_PERMISSION = /^[A-Za-z][\w*-]*(?::[\w*-]+){1,4}$/;
const BARE_PERMISSION = /^[A-Za-z][\w*-]*$/;

/**
 * Permission names out of a 403 message. The documented form is a bracketed, comma-separated
 * list ("…assigned: [a:b:c, d:e:f]", genesys-api.md §10) but the exact rendering is UNVERIFIED,
 * so several brackets, quotes and stray whitespace are tolerated, and without brackets any
 * `a:b:c`-looking word counts.
 */
export function parseMissingPermissions(...texts: Array<string | undefined>): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const groups = [...text.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
    const bracketed = groups.length > 0;
    for (const group of bracketed ? groups : [text]) {
      for (const raw of group.split(/[\s,;]+/)) {
        const word = raw.replace(/^["'`(]+|["'`).:]+$/g, '');
        if (SCOPED_PERMISSION.test(word) || (bracketed && BARE_PERMISSION.test(word))) found.add(word);
      }
    }
  }
  return [...found];
}

/** The 403 message an org admin can act on: what is missing and where to grant it. */
export function missingPermissionsMessage(operation: string, permissions: string[], anyOf: boolean): string {
  if (permissions.length === 0)
    return (
      `The tenant's OAuth client is not allowed to perform ${operation}. In Genesys Cloud, check the roles ` +
      `granted to the client (Admin > OAuth > the client > Roles) and their permissions (Admin > Roles).`
    );
  const list = permissions.join(', ');
  const which = permissions.length === 1 ? 'permission' : anyOf ? 'one of the permissions' : 'the permissions';
  const grant = permissions.length === 1 ? 'Grant it' : anyOf ? 'Grant one of them' : 'Grant them';
  return (
    `The tenant's OAuth client lacks ${which} ${list} needed for ${operation}. ${grant} to a role ` +
    `(Genesys Cloud Admin > Roles > the role > Permissions) and assign that role to the OAuth client ` +
    `(Admin > OAuth > the client > Roles).`
  );
}
