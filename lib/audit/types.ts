/**
 * The audit trail: who did what, to which tenant, with what result. Append-only; a change that
 * cannot be audited is refused (AuditUnavailableError), and an acknowledged entry is never lost.
 */
import { BrandedError } from '../genesys/branded-error';

export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'tenant.switch',
  'org.update',
  'feature.update',
  'auth-settings.update',
  'users.export',
  'snapshot.create',
  'credentials.rotate',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntryInput {
  userId: string | null; // null: a failed login for an unknown account
  userEmail: string | null;
  role: string | null;
  tenantId: string | null;
  action: AuditAction;
  result: AuditResult;
  requestId: string;
  correlationId?: string;
  /** Secrets are masked before storage (see mask-secrets). */
  before?: unknown;
  after?: unknown;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry extends AuditEntryInput {
  id: string; // monotonic per store (Redis stream id or file sequence)
  time: string; // ISO-8601
}

export interface AuditQuery {
  tenantIds?: string[]; // restrict to these (an auditor sees only granted tenants)
  userId?: string;
  action?: AuditAction;
  result?: AuditResult;
  from?: string; // ISO-8601 inclusive
  to?: string; // ISO-8601 exclusive
  limit?: number; // default 50, max 500
  before?: string; // cursor: entries older than this id
}

export interface AuditPage {
  entries: AuditEntry[]; // newest first
  nextCursor: string | null;
}

export interface AuditLog {
  /** Resolves only once the entry is durable (Redis acknowledged / file fsynced). */
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  query(query: AuditQuery): Promise<AuditPage>;
  close(): Promise<void>;
}

export class AuditUnavailableError extends BrandedError {
  static override readonly brand = 'AuditUnavailableError';
}
