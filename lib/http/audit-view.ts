import 'server-only';
import { z } from 'zod';
import { can } from '../auth/capabilities';
import type { PortalUser } from '../auth/types';
import { AUDIT_ACTIONS, AuditUnavailableError, type AuditPage } from '../audit';
import { getPortalRuntime } from '../portal-runtime';
import { ApiError, forbidden } from './api-error';
import { listGrantedTenants } from './tenant-access';

const querySchema = z.strictObject({
  tenant: z.string().max(64).optional(),
  user: z.string().max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().max(64).optional(),
});

/**
 * A user granted every tenant reads every entry (tenant-less ones such as failed logins too);
 * anyone else with audit.view only their granted tenants' entries. Grants decide, not the role:
 * an admin limited to some tenants sees only those.
 */
export async function readAuditLog(user: PortalUser, search: URLSearchParams): Promise<AuditPage> {
  if (!can(user.role, 'audit.view')) throw forbidden('Your role cannot read the audit log.');
  const { tenant, user: userId, ...rest } = querySchema.parse(Object.fromEntries(search));
  const granted = user.grants.all ? undefined : (await listGrantedTenants(user)).map((t) => t.tenantId);
  if (tenant && granted && !granted.includes(tenant)) {
    throw new ApiError(403, 'tenant_not_granted', 'This tenant is not available to you.');
  }
  try {
    return await getPortalRuntime().audit.query({ ...rest, userId, tenantIds: tenant ? [tenant] : granted });
  } catch (error) {
    if (error instanceof TypeError) throw new ApiError(422, 'invalid_input', error.message); // bad cursor
    // The default mapping speaks of a refused change; here nothing was changed, only not read.
    if (error instanceof AuditUnavailableError)
      throw new ApiError(503, 'audit_unavailable', 'The audit log could not be read. Try again shortly.');
    throw error;
  }
}
