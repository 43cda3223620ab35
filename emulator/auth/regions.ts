// Region environments (genesys-api.md §2). Used to notice a request addressed to a real
// regional host name (tests may mount the emulator on https://api.mypurecloud.de) and refuse
// credentials from another region, as the real per-region services would.

export const REGION_ENVS: readonly string[] = [
  'mypurecloud.com',
  'use2.us-gov-pure.cloud',
  'usw2.pure.cloud',
  'cac1.pure.cloud',
  'sae1.pure.cloud',
  'mxc1.pure.cloud',
  'mypurecloud.ie',
  'euw2.pure.cloud',
  'mypurecloud.de',
  'euc2.pure.cloud',
  'edee1.eusc-pure.cloud',
  'mec1.pure.cloud',
  'aps1.pure.cloud',
  'mypurecloud.jp',
  'apne2.pure.cloud',
  'apne3.pure.cloud',
  'apse1.pure.cloud',
  'mypurecloud.com.au',
];

/** The region env named by a `login.{env}` / `api.{env}` host, or undefined for any other host. */
export function regionOfHost(hostname: string, prefix: 'login' | 'api'): string | undefined {
  const lower = hostname.toLowerCase();
  if (!lower.startsWith(`${prefix}.`)) return undefined;
  const env = lower.slice(prefix.length + 1);
  return REGION_ENVS.includes(env) ? env : undefined;
}
