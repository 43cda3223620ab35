// Organization-authorization relations between the seeded orgs: the first org acts as the
// managing partner that the others trust, and every org trusts Genesys Customer Care, as
// real orgs typically do.
import type { ExternalOrg, TrustRecord } from '../model';
import { type Rng, seededUuid } from '../prng';
import { seededPastIso } from './dates';

export const externalCareOrg = (rng: Rng): ExternalOrg => ({
  id: seededUuid(rng),
  name: 'Genesys Cloud Customer Care',
  thirdPartyOrgName: 'genesyscare',
  domain: 'genesys.example',
});

type OrgRef = { id: string; adminUserId: string };

export function seedTrusts(rng: Rng, orgs: readonly OrgRef[], care: ExternalOrg): TrustRecord[] {
  const records: TrustRecord[] = [];
  const add = (trustor: OrgRef, trusteeOrgId: string, extra: Partial<TrustRecord> = {}): void => {
    records.push({
      trustorOrgId: trustor.id,
      trusteeOrgId,
      enabled: true,
      usesDefaultRole: false,
      hasFullAccess: false,
      dateCreated: seededPastIso(rng, 20, 500),
      createdByUserId: trustor.adminUserId,
      permissions: ['directory:user:view', 'routing:queue:view'],
      ...extra,
    });
  };
  const [partner, ...rest] = orgs;
  if (!partner) return records;
  rest.forEach((org, index) => add(org, partner.id, { enabled: index !== 3, hasFullAccess: index === 0 }));
  orgs.forEach((org) => add(org, care.id, { usesDefaultRole: true, dateExpired: '2027-12-31T00:00:00.000Z' }));
  const third = orgs[2];
  if (third) add(partner, third.id);
  return records;
}
