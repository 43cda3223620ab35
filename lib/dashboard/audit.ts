import 'server-only';
import type { AuditLog } from '../audit';
import type { AuditRow } from './types';

export const AUDIT_LIMIT = 8;

/** The tenant's latest audit entries, newest first; who, what, result (no before/after values). */
export async function loadLatestAudit(audit: Pick<AuditLog, 'query'>, tenantId: string): Promise<AuditRow[]> {
  const page = await audit.query({ tenantIds: [tenantId], limit: AUDIT_LIMIT });
  return page.entries.map((entry) => ({
    id: entry.id,
    time: entry.time,
    userEmail: entry.userEmail,
    action: entry.action,
    result: entry.result,
  }));
}
