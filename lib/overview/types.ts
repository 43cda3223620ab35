/**
 * One tenant's row of the all-tenants overview, as the route answers it and the grid renders
 * it. Pure types: the client grid imports them, the server loader (load-overview.ts) fills them.
 * Every part carries its own state, so one failing part never hides the others.
 */
import type { Failure } from '../http/to-failure';

/** The token as a real acquisition (grant + binding check) found it. */
export type TokenStatus =
  | { state: 'ok'; expiresAt: number }
  | { state: 'failing'; code: string; message: string }
  | { state: 'binding_mismatch'; code: string; message: string };

/** A part that failed on its own; the row's request id is the one to quote. */
export type FieldError = { state: 'error' } & Omit<Failure, 'requestId'>;

/** `skipped`: not attempted because the token failed (it would fail the same way). */
export type Field<T> = { state: 'ok'; value: T } | FieldError | { state: 'skipped'; reason: string };

export interface FeatureGap {
  id: string;
  label: string;
  permissions: string[];
}

export interface PermissionReport {
  checkedAt: number;
  /** Portal features the tenant's OAuth client cannot use, and what to grant for each. */
  missing: FeatureGap[];
  /** Features whose check failed for another reason (429, 5xx, timeout): neither ok nor missing. */
  unknown: { id: string; label: string; reason: string }[];
  featureCount: number;
}

export interface BudgetUse {
  /** Upstream requests the portal sent for this tenant in the window (all instances when Redis is shared). */
  requests: number;
  /** 429s received in the window. */
  throttled: number;
  limitPerMinute: number;
  windowSeconds: number;
}

export interface TenantOverview {
  tenantId: string;
  checkedAt: number;
  /** The portal request that produced this row, to quote in a support ticket. */
  requestId: string;
  token: TokenStatus;
  permissions: Field<PermissionReport>;
  /** Active users (the total of a one-entry users page). */
  users: Field<{ total: number }>;
  budget: Field<BudgetUse>;
  /** The last token failure this server saw for the tenant (it stays after a recovery). */
  lastError: { code: string; message: string; at: number } | null;
}

/** The route's answer (withTenantRoute's `{ tenantId, data }`). */
export interface TenantOverviewResponse {
  tenantId: string;
  data: TenantOverview;
}
