import { z } from 'zod';

/**
 * The 18 Genesys Cloud environments, keyed like the SDK's PureCloudRegionHosts
 * (shared/genesys-api.md §2). An org lives in exactly one of them.
 */
export const REGIONS = {
  us_east_1: 'mypurecloud.com',
  us_east_2: 'use2.us-gov-pure.cloud',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  eu_west_1: 'mypurecloud.ie',
  eu_west_2: 'euw2.pure.cloud',
  eu_central_1: 'mypurecloud.de',
  eu_central_2: 'euc2.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  ap_northeast_1: 'mypurecloud.jp',
  ap_northeast_2: 'apne2.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  ap_southeast_2: 'mypurecloud.com.au',
} as const;

export type RegionKey = keyof typeof REGIONS;
export type RegionEnvironment = (typeof REGIONS)[RegionKey];

const environments = Object.values(REGIONS) as [RegionEnvironment, ...RegionEnvironment[]];

export const regionEnvironmentSchema = z.enum(environments, {
  error: () => `must be one of the Genesys Cloud environments: ${environments.join(', ')}`,
});

export function isRegionEnvironment(value: string): value is RegionEnvironment {
  return (environments as readonly string[]).includes(value);
}

/** Hosts for one environment. A gateway (the emulator) replaces both, like the SDK's setGateway. */
export interface RegionHosts {
  apiBaseUrl: string;
  loginBaseUrl: string;
}

export function getRegionHosts(environment: RegionEnvironment, gatewayUrl?: URL): RegionHosts {
  if (gatewayUrl) {
    const origin = gatewayUrl.origin;
    return { apiBaseUrl: origin, loginBaseUrl: origin };
  }
  return {
    apiBaseUrl: `https://api.${environment}`,
    loginBaseUrl: `https://login.${environment}`,
  };
}

/** The AWS-style key for display ("eu_central_1"), or undefined for an unknown environment. */
export function getRegionKey(environment: string): RegionKey | undefined {
  const entry = Object.entries(REGIONS).find(([, env]) => env === environment);
  return entry?.[0] as RegionKey | undefined;
}
