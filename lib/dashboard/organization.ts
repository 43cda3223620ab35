import 'server-only';
import { getOrganization } from '../genesys';
import { connect, type DashboardSource } from './source';
import type { OrganizationSummary } from './types';

/** The organization card and its feature flags: one GET /organizations/me. */
export async function loadOrganization(source: DashboardSource): Promise<OrganizationSummary> {
  const [connection, options] = await connect(source);
  const org = await getOrganization(source.genesys.client, connection, options);
  return {
    id: org.id,
    name: org.name,
    domain: org.domain ?? null,
    state: org.state ?? null,
    productPlatform: org.productPlatform ?? null,
    defaultLanguage: org.defaultLanguage ?? null,
    defaultCountryCode: org.defaultCountryCode ?? null,
    version: org.version,
    features: Object.entries(org.features ?? {})
      .map(([name, enabled]) => ({ name, enabled }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  };
}
