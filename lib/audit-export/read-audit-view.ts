import 'server-only';
import type { PortalUser } from '../auth/types';
import { AuditUnavailableError, type AuditPage } from '../audit/types';
import { ApiError } from '../http/api-error';
import { readAuditLog } from '../http/audit-view';
import { getPortalRuntime } from '../portal-runtime';
import { filterTimeToIso, type AuditFilters } from './filters';

/**
 * One page of the filtered audit log through readAuditLog, the one place that restricts a
 * non-admin to the entries of granted tenants (and answers 403 for an ungranted tenant filter):
 * the page and the export only translate their filters into its parameters.
 */
export async function readAuditView(
  user: PortalUser,
  filters: AuditFilters,
  page: { before?: string; limit: number },
): Promise<AuditPage> {
  const search = new URLSearchParams({ limit: String(page.limit) });
  if (filters.tenant) search.set('tenant', filters.tenant);
  if (filters.user) search.set('user', await resolveUserId(filters.user));
  if (filters.action) search.set('action', filters.action);
  if (filters.result) search.set('result', filters.result);
  if (filters.from) search.set('from', filterTimeToIso(filters.from) ?? filters.from);
  if (filters.to) search.set('to', filterTimeToIso(filters.to) ?? filters.to);
  if (page.before) search.set('before', page.before);
  return readAuditLog(user, search);
}

/**
 * Entries carry the user id; an email is looked up among portal users. An unknown email is
 * kept as is: user ids are slugs without '@', so it matches nothing (an empty result, not an
 * error telling whether that account exists), and readAuditLog still checks the tenant grant.
 */
async function resolveUserId(text: string): Promise<string> {
  if (!text.includes('@')) return text;
  const found = await getPortalRuntime().users.findByEmail(text);
  return found?.id ?? text;
}

export type AuditViewResult =
  | { status: 'ok'; page: AuditPage }
  | { status: 'refused'; message: string }
  | { status: 'unavailable'; message: string };

/** For the page: what the user should read instead of entries when there are none to show. */
export async function loadAuditView(
  user: PortalUser,
  filters: AuditFilters,
  page: { before?: string; limit: number },
): Promise<AuditViewResult> {
  try {
    return { status: 'ok', page: await readAuditView(user, filters, page) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'tenant_not_granted') {
      return {
        status: 'refused',
        message: `Tenant ${filters.tenant ?? ''} is not available to you, so no entries are shown. Choose one of your tenants.`,
      };
    }
    if (error instanceof ApiError && error.status === 422) return { status: 'refused', message: error.message };
    const storeDown = error instanceof ApiError && error.code === 'audit_unavailable';
    if (storeDown || error instanceof AuditUnavailableError) {
      return { status: 'unavailable', message: 'The audit log store is not answering. Try again shortly.' };
    }
    throw error;
  }
}
