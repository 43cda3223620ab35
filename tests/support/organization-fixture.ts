/** An organization as GET /organizations/me returns it, for tests of the settings editor and its helpers. */
import type { Organization } from '@/lib/genesys/schemas/organization';

export const ORGANIZATION_FIXTURE: Organization = {
  id: '6ad2c9c0-6bd6-4a4c-9b1a-2f6f3f2d6a11',
  name: 'Acme Corp',
  version: 12,
  defaultLanguage: 'en',
  defaultCountryCode: 'US',
  thirdPartyOrgName: 'acmecorp',
  thirdPartyURI: 'https://acme.example',
  domain: 'acme.example',
  supportURI: 'support@acme.example',
  defaultSiteId: '3b1c2d4e-0000-4000-8000-000000000000',
  voicemailEnabled: true,
  state: 'active',
};
