import { z } from 'zod';
import { regionEnvironmentSchema } from '../genesys/regions';

/**
 * One tenant = one Genesys Cloud organization with its own client-credentials OAuth client
 * (shared/architecture.md: the org is selected by the token, never by a header).
 */
/** A tenant id: a lowercase slug. Every place that accepts one from outside checks this. */
export const TENANT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const tenantSchema = z.strictObject({
  tenantId: z.string().regex(TENANT_ID_PATTERN, 'must be a lowercase slug (a-z, 0-9, -)'),
  orgId: z.uuid('must be the organization id (a UUID)'),
  displayName: z.string().trim().min(1).max(120),
  region: regionEnvironmentSchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  environment: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase tag'),
  group: z.string().trim().min(1).max(80).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
    .optional(),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(300),
  rotationIntervalMs: z.number().int().min(0).optional(),
});

export type Tenant = z.infer<typeof tenantSchema>;

/** What may leave the server about a tenant: never the client id or secret. */
export interface PublicTenant {
  tenantId: string;
  orgId: string;
  displayName: string;
  region: Tenant['region'];
  environment: string;
  group?: string;
  color?: string;
}

export function toPublicTenant(tenant: Tenant): PublicTenant {
  const { tenantId, orgId, displayName, region, environment, group, color } = tenant;
  return { tenantId, orgId, displayName, region, environment, group, color };
}
