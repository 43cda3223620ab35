/**
 * What the credentials page shows about a tenant and its credential source: times, codes, the
 * tenant's own org id and a masked client id hint. Plain data, so components render it and
 * nothing here can carry a secret (the client secret and tokens never enter these shapes).
 */
import type { FeatureAccess } from '../genesys/permission-probe';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface SourceStatusView {
  kind: 'file' | 'config-service';
  /** The file's name (not its directory) or the config service's origin. */
  label: string;
  loadedAt: number | null;
  /** Paths in the message are cut to their file name, like `label`. */
  lastError: { message: string; at: number } | null;
  breaker: BreakerState;
  /** Entries the source had but the portal skipped (invalid), by tenant and field; no values. */
  skipped: Array<{ tenant: string; field: string; message: string }>;
}

export type BindingState = 'ok' | 'mismatch' | 'not-checked';

export interface TenantBindingView {
  state: BindingState;
  at: number | null;
  /**
   * On a mismatch, the organization the token reported: another customer's id, so present only
   * for a user granted every tenant (absent, not null, for anyone else).
   */
  reportedOrgId?: string;
}

/** healthy: a token under checked credentials; unused: nothing asked for a token in this process yet. */
export type CredentialHealth = 'healthy' | 'attention' | 'failing' | 'unused';

export interface TenantCredentialView {
  tenantId: string;
  displayName: string;
  environment: string;
  region: string;
  orgId: string;
  /** `…wxyz`: enough to tell two clients apart, never the whole id. */
  clientIdHint: string;
  token: { lastAt: number | null; expiresAt: number | null };
  binding: TenantBindingView;
  /** Scheduled re-read of the credentials; null when the tenant has no rotation interval. */
  rotation: { intervalMs: number; dueAt: number } | null;
  /** `recovered`: a token was acquired after this error. */
  lastError: { code: string; message: string; at: number; recovered: boolean } | null;
  breaker: BreakerState;
  health: CredentialHealth;
  /** Why the health is not `healthy`, in words, most serious first. */
  reasons: string[];
}

export interface CredentialsOverview {
  now: number;
  source: SourceStatusView;
  tenants: TenantCredentialView[];
}

export interface PermissionProbeResult {
  probedAt: number;
  token: { ok: true; expiresAt: number } | { ok: false; code: string; message: string };
  binding: BindingState;
  /** Empty when no token could be had (nothing can be probed without one). */
  features: FeatureAccess[];
}

export type TokenOutcome = { ok: true; expiresAt: number } | { ok: false; code: string; message: string };

/** What "rotate now" did; booleans only about the secret, never the secret. */
export interface RotationOutcome {
  ok: boolean;
  reread: { ok: true } | { ok: false; message: string };
  secretChanged: boolean;
  clientIdChanged: boolean;
  tokenEvicted: boolean;
  /** null: not attempted (the re-read failed or the tenant is gone). */
  token: TokenOutcome | null;
  /** Set when the rotation stopped before the token step. */
  failure?: { code: string; message: string };
  /** The audit entry of this attempt could not be written (the outcome itself is true). */
  auditFailed?: true;
}

export type RotateActionState =
  | { status: 'idle' }
  | ({ status: 'done'; tenantId: string; requestId: string; at: number } & RotationOutcome)
  | { status: 'refused'; tenantId: string; requestId: string; code: string; message: string };

export type { FeatureAccess };
