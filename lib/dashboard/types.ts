/**
 * What each dashboard section renders: plain data, no Genesys shapes, so the components in
 * components/dashboard/ import only these types and never a server module.
 */
import type { Failure } from '../http/to-failure';

/** A section that could not load: the mapped message, the request id to quote, missing grants, wait. */
export type SectionFailure = Failure;

export type Settled<T> = { ok: true; data: T } | { ok: false; failure: SectionFailure };

export interface OrganizationSummary {
  id: string;
  name: string;
  domain: string | null;
  state: string | null;
  productPlatform: string | null;
  defaultLanguage: string | null;
  defaultCountryCode: string | null;
  version: number;
  /** Every feature flag the org reports, by name. */
  features: { name: string; enabled: boolean }[];
}

export const USER_STATES = ['active', 'inactive', 'deleted'] as const;
export type UserState = (typeof USER_STATES)[number];
/** Totals per state; null where Genesys answered without a total. */
export type UserStateCounts = Record<UserState, number | null>;

export interface DirectoryCounts {
  divisions: number | null;
  roles: number | null;
}

/**
 * No id: a client's id is its OAuth client_id, a credential that never reaches the page (not
 * even as a React key, which the RSC payload would carry to the browser).
 */
export interface OAuthClientRow {
  name: string;
  grantType: string;
  state: string | null;
}

export interface OAuthClientSummary {
  total: number;
  clients: OAuthClientRow[];
}

export interface QueueActivityRow {
  queueId: string;
  /** Null when the queue no longer exists (activity outlives a deleted queue). */
  name: string | null;
  offered: number;
  handled: number;
  /** Mean of tHandle in ms; null when nothing was handled. */
  averageHandleMs: number | null;
}

export interface ConversationActivity {
  /** The ISO interval queried ("start/end"). */
  interval: string;
  /** The busiest queues, by offered, busiest first. */
  rows: QueueActivityRow[];
  /** Queues with any conversation in the interval. */
  activeQueues: number;
  /** Every queue of the org, or null when Genesys gave no total. */
  totalQueues: number | null;
  totals: { offered: number; handled: number; averageHandleMs: number | null };
}

export interface CredentialHealthView {
  /** When the snapshot was taken (epoch ms): relative times are computed from it. */
  at: number;
  lastTokenAt: number | null;
  tokenExpiresAt: number | null;
  binding: { ok: boolean; at: number } | null;
  breaker: 'closed' | 'open' | 'half-open';
  rotationDueAt: number | null;
  lastError: { code: string; message: string; at: number } | null;
}

export interface AuditRow {
  id: string;
  time: string;
  userEmail: string | null;
  action: string;
  result: 'success' | 'failure' | 'denied';
}
