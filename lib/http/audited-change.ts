import 'server-only';
import { recordAudit } from '../audit';
import type { AuditAction } from '../audit/types';
import { AuditUnavailableError } from '../audit/types';
import { GenesysApiError } from '../genesys/errors';
import { logger } from '../logger';
import type { TenantRouteContext } from './with-tenant-route';

interface Change<T> {
  action: AuditAction;
  before: unknown;
  run(): Promise<T>;
  after(result: T): unknown;
}

/**
 * A change that cannot be audited is refused: the audit store must answer before anything is
 * sent upstream. Then the change runs and exactly one entry records its outcome (before/after,
 * secrets masked). If the store fails in between (the change is made by then), the failure is
 * logged at error level with the request id and action, and the user still gets the result.
 */
export async function auditedChange<T>(context: TenantRouteContext, change: Change<T>): Promise<T> {
  const { portal, user, tenant, requestId } = context;
  try {
    await portal.audit.query({ limit: 1 });
  } catch {
    throw new AuditUnavailableError('audit store not answering');
  }
  const base = {
    userId: user.id,
    userEmail: user.email,
    role: user.role,
    tenantId: tenant.tenantId,
    action: change.action,
    requestId,
    before: change.before,
  };
  let result: T;
  try {
    result = await change.run();
  } catch (error) {
    const correlationId = error instanceof GenesysApiError ? error.correlationId : undefined;
    await recordAudit(portal.audit, { ...base, result: 'failure', correlationId }).catch(() => undefined);
    throw error;
  }
  const entry = { ...base, result: 'success' as const, after: change.after(result) };
  await recordAudit(portal.audit, entry).catch((error: unknown) => {
    logger.error(
      { requestId, action: change.action, tenantId: tenant.tenantId, err: String(error) },
      'audit append failed after a change',
    );
  });
  return result;
}
