/**
 * Which portal features a tenant's OAuth client can use, found by one read-only call each.
 * A 403 names the permission to grant (to a role of the client: Admin > Roles / OAuth clients);
 * anything else (429, 5xx) is reported as "unknown", never as "missing".
 */
import { getAuthSettings, getOrganization } from './organization';
import { listDivisions, listRoles } from './authorization';
import { listOAuthClients } from './oauth-clients';
import { listQueues } from './routing';
import { queryConversationAggregates } from './analytics';
import { listTrustors } from './trust';
import { listUsers, searchUsers } from './users';
import type { CallOptions, GenesysClient } from './client';
import { GenesysApiError, RateLimitedError } from './errors';
import type { TenantConnection } from './ports';

type Probe = (client: GenesysClient, tenant: TenantConnection, options: CallOptions, now: number) => Promise<unknown>;

export interface PortalFeature {
  id: string;
  label: string;
  /** What the real API requires (genesys-api.md §14); shown when a 403 names nothing. */
  permissions: string[];
  probe: Probe;
}

const HOUR_MS = 3_600_000;

export const PORTAL_FEATURES: PortalFeature[] = [
  { id: 'organization', label: 'Organization overview', permissions: [], probe: (c, t, o) => getOrganization(c, t, o) },
  {
    id: 'org-settings',
    label: 'Edit organization, features, authentication settings',
    permissions: ['directory:organization:admin'],
    probe: (c, t, o) => getAuthSettings(c, t, o),
  },
  { id: 'users', label: 'User lists', permissions: [], probe: (c, t, o) => listUsers(c, t, { pageSize: 1 }, o) },
  {
    id: 'user-search',
    label: 'User search and export',
    permissions: ['directory:user:view'],
    probe: (c, t, o) =>
      searchUsers(c, t, { pageSize: 1, query: [{ type: 'EXACT', fields: ['state'], values: ['active'] }] }, o),
  },
  { id: 'divisions', label: 'Divisions', permissions: [], probe: (c, t, o) => listDivisions(c, t, { pageSize: 1 }, o) },
  {
    id: 'roles',
    label: 'Roles',
    permissions: ['authorization:role:view'],
    probe: (c, t, o) => listRoles(c, t, { pageSize: 1 }, o),
  },
  {
    id: 'oauth-clients',
    label: 'OAuth clients',
    permissions: ['oauth:client:view'],
    probe: (c, t, o) => listOAuthClients(c, t, o),
  },
  {
    id: 'trust',
    label: 'Trusted organizations',
    permissions: ['authorization:orgTrustor:view'],
    probe: (c, t, o) => listTrustors(c, t, { pageSize: 1 }, o),
  },
  {
    id: 'queues',
    label: 'Queues',
    permissions: ['routing:queue:view'],
    probe: (c, t, o) => listQueues(c, t, { pageSize: 1 }, o),
  },
  {
    id: 'queue-activity',
    label: 'Conversation activity',
    permissions: ['analytics:conversationAggregate:view'],
    probe: (c, t, o, now) => {
      const end = new Date(Math.floor(now / HOUR_MS) * HOUR_MS);
      const start = new Date(end.getTime() - HOUR_MS);
      const interval = `${start.toISOString()}/${end.toISOString()}`;
      return queryConversationAggregates(c, t, { interval, metrics: ['nOffered'], groupBy: ['queueId'] }, o);
    },
  },
];

export type FeatureAccess =
  | { id: string; label: string; state: 'ok' }
  | { id: string; label: string; state: 'missing'; missingPermissions: string[] }
  | { id: string; label: string; state: 'unknown'; reason: string };

export async function probeFeature(
  feature: PortalFeature,
  client: GenesysClient,
  tenant: TenantConnection,
  options: CallOptions & { now: number },
): Promise<FeatureAccess> {
  const { id, label } = feature;
  try {
    await feature.probe(client, tenant, options, options.now);
    return { id, label, state: 'ok' };
  } catch (error) {
    if (error instanceof GenesysApiError && error.status === 403) {
      const named = error.missingPermissions.length > 0 ? error.missingPermissions : feature.permissions;
      return { id, label, state: 'missing', missingPermissions: named };
    }
    const reason =
      error instanceof GenesysApiError
        ? `${error.status} ${error.code}`
        : error instanceof RateLimitedError
          ? 'rate limited'
          : error instanceof Error
            ? error.name
            : 'error';
    return { id, label, state: 'unknown', reason };
  }
}

/** Probes one after another: a check must not spend a tenant's rate budget in a burst. */
export async function probePortalFeatures(
  client: GenesysClient,
  tenant: TenantConnection,
  options: CallOptions & { now: number },
): Promise<FeatureAccess[]> {
  const results: FeatureAccess[] = [];
  for (const feature of PORTAL_FEATURES) results.push(await probeFeature(feature, client, tenant, options));
  return results;
}
