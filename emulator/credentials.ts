// The tenant credentials the portal is configured with: one portal client per org, current
// secret included so that a rotation is visible to whoever re-reads the list.
import type { Core } from './core';
import type { Environment, OAuthClientRecord } from './model';
import type { OrgState } from './world';

export type TenantCredential = {
  tenantId: string;
  orgId: string;
  displayName: string;
  region: string;
  clientId: string;
  clientSecret: string;
  rotationIntervalMs: number;
  environment: Environment;
  group?: string;
  color?: string;
  rateLimitPerMinute: number;
};

const DAY_MS = 86_400_000;

const clientOf = (org: OrgState, purpose: OAuthClientRecord['purpose']): OAuthClientRecord | undefined =>
  org.clients.find((client) => client.purpose === purpose);

function toCredential(org: OrgState, client: OAuthClientRecord): TenantCredential {
  const { spec } = org;
  return {
    tenantId: spec.tenantId,
    orgId: org.organization.id,
    displayName: spec.displayName,
    region: spec.region,
    clientId: client.id,
    clientSecret: client.secret,
    rotationIntervalMs: (spec.environment === 'production' ? 30 : 7) * DAY_MS,
    environment: spec.environment,
    ...(spec.group ? { group: spec.group } : {}),
    color: spec.color,
    rateLimitPerMinute: client.rateLimitPerMinute,
  };
}

export const listTenantCredentials = (core: Core): TenantCredential[] =>
  core.world.orgs.flatMap((org) => {
    const client = clientOf(org, 'portal');
    return client ? [toCredential(org, client)] : [];
  });

/** The read-only twin of a tenant's credential (same org, no directory:organization:admin). */
export function readOnlyCredential(core: Core, tenantIdOrOrgId: string): TenantCredential | undefined {
  const org = findOrg(core, tenantIdOrOrgId);
  const client = org ? clientOf(org, 'portal-readonly') : undefined;
  return org && client ? toCredential(org, client) : undefined;
}

export const findOrg = (core: Core, tenantIdOrOrgId: string): OrgState | undefined =>
  core.world.orgsById.get(tenantIdOrOrgId) ?? core.world.orgs.find((org) => org.spec.tenantId === tenantIdOrOrgId);
