// The demo tenants. Their ids, names and regions are part of the public contract (docs,
// e2e specs and the portal's seed file refer to them), so they are fixed, not generated.
import type { Environment, TenantSpec } from '../model';

type DemoTenant = Omit<TenantSpec, 'userCount'>;

const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    tenantId: 'acme-prod',
    displayName: 'Acme Corp',
    region: 'mypurecloud.com',
    environment: 'production',
    group: 'Acme',
    color: '#d9480f',
    shortName: 'acmecorp',
    domain: 'acme.example',
    defaultLanguage: 'en',
    defaultCountryCode: 'US',
  },
  {
    tenantId: 'acme-sandbox',
    displayName: 'Acme Corp (sandbox)',
    region: 'mypurecloud.com',
    environment: 'sandbox',
    group: 'Acme',
    color: '#f59f00',
    shortName: 'acmecorp-sandbox',
    domain: 'sandbox.acme.example',
    defaultLanguage: 'en',
    defaultCountryCode: 'US',
  },
  {
    tenantId: 'globex-eu',
    displayName: 'Globex Europe',
    region: 'mypurecloud.de',
    environment: 'production',
    group: 'Globex',
    color: '#1c7ed6',
    shortName: 'globex-eu',
    domain: 'globex.example',
    defaultLanguage: 'de',
    defaultCountryCode: 'DE',
  },
  {
    tenantId: 'initech-apac',
    displayName: 'Initech APAC',
    region: 'mypurecloud.com.au',
    environment: 'production',
    color: '#2f9e44',
    shortName: 'initech-apac',
    domain: 'initech.example',
    defaultLanguage: 'en',
    defaultCountryCode: 'AU',
  },
  {
    tenantId: 'umbrella-ca',
    displayName: 'Umbrella Canada',
    region: 'cac1.pure.cloud',
    environment: 'development',
    color: '#c2255c',
    shortName: 'umbrella-ca',
    domain: 'umbrella.example',
    defaultLanguage: 'fr',
    defaultCountryCode: 'CA',
  },
  {
    tenantId: 'stark-uk',
    displayName: 'Stark UK',
    region: 'euw2.pure.cloud',
    environment: 'test',
    color: '#7048e8',
    shortName: 'stark-uk',
    domain: 'stark.example',
    defaultLanguage: 'en',
    defaultCountryCode: 'GB',
  },
];

export const DEFAULT_ORG_SIZES: readonly number[] = [20000, 2000, 500, 120, 60, 25];

const EXTRA_REGIONS = ['usw2.pure.cloud', 'mypurecloud.ie', 'mypurecloud.jp', 'aps1.pure.cloud'] as const;
const EXTRA_ENVIRONMENTS: readonly Environment[] = ['production', 'sandbox', 'development', 'test'];

/** Orgs beyond the six demo tenants get names derived from their position only. */
function extraTenant(index: number): DemoTenant {
  const n = String(index + 1).padStart(2, '0');
  const hue = (index * 47) % 360;
  return {
    tenantId: `tenant-${n}`,
    displayName: `Tenant ${n}`,
    region: EXTRA_REGIONS[index % EXTRA_REGIONS.length] ?? 'mypurecloud.com',
    environment: EXTRA_ENVIRONMENTS[index % EXTRA_ENVIRONMENTS.length] ?? 'test',
    color: hslToHex(hue, 65, 45),
    shortName: `tenant-${n}`,
    domain: `tenant-${n}.example`,
    defaultLanguage: 'en',
    defaultCountryCode: 'US',
  };
}

export function tenantSpecs(orgSizes: readonly number[]): TenantSpec[] {
  return orgSizes.map((userCount, index) => ({ ...(DEMO_TENANTS[index] ?? extraTenant(index)), userCount }));
}

function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const c = light - sat * Math.min(light, 1 - light) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
