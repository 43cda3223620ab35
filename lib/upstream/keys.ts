/**
 * Every Redis key of the Genesys core contains the tenant id, so one tenant's token, lock or
 * schedule can never be read for another (shared/architecture.md, tenant isolation).
 * lib/genesys builds its lock and rate keys with the same scheme (token-provider.ts,
 * rate-governor.ts); it cannot import this file.
 */
export const tenantKey = (tenantId: string, ...parts: string[]) => ['genesys:tenant', tenantId, ...parts].join(':');
