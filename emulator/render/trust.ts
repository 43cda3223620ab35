// Trustor / Trustee wire shapes (genesys-api.md §4).
import type { Core } from '../core';
import type { TrustRecord } from '../model';
import { renderUser } from './user';

/** Partner orgs are shown as a trimmed Organization: a trustee never sees another org's settings. */
function orgSummary(core: Core, orgId: string) {
  const emulated = core.world.orgsById.get(orgId)?.organization;
  const external = core.world.externalOrgs.find((org) => org.id === orgId);
  const source = emulated ?? external;
  return {
    id: orgId,
    name: source?.name ?? '',
    thirdPartyOrgName: source?.thirdPartyOrgName ?? '',
    domain: source?.domain ?? '',
    version: emulated?.version ?? 1,
    state: 'active',
    selfUri: `/api/v2/organizations/${orgId}`,
  };
}

function createdBy(core: Core, record: TrustRecord) {
  const org = core.world.orgsById.get(record.trustorOrgId);
  const user = org?.users().byId.get(record.createdByUserId);
  return org && user ? renderUser(org, user, new Set()) : { id: record.createdByUserId, version: 1 };
}

export const renderTrustor = (core: Core, record: TrustRecord) => ({
  id: record.trustorOrgId,
  enabled: record.enabled,
  dateCreated: record.dateCreated,
  createdBy: createdBy(core, record),
  organization: orgSummary(core, record.trustorOrgId),
  authorization: { permissions: record.permissions },
  selfUri: `/api/v2/orgauthorization/trustors/${record.trustorOrgId}`,
});

export const renderTrustee = (core: Core, record: TrustRecord) => ({
  id: record.trusteeOrgId,
  enabled: record.enabled,
  usesDefaultRole: record.usesDefaultRole,
  hasFullAccess: record.hasFullAccess,
  isTrustedUser: false,
  dateCreated: record.dateCreated,
  ...(record.dateExpired ? { dateExpired: record.dateExpired } : {}),
  createdBy: createdBy(core, record),
  organization: orgSummary(core, record.trusteeOrgId),
  selfUri: `/api/v2/orgauthorization/trustees/${record.trusteeOrgId}`,
});
