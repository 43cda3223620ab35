// Org limits. Only the platform.api values are documented (genesys-api.md §11); the namespace
// name `platform.api` and the list envelope of GET …/limits/namespaces are UNVERIFIED, so the
// emulator exposes nothing it would have to invent beyond them.
import type { Core } from '../core';
import type { OrgState } from '../world';

export const LIMIT_NAMESPACES = ['platform.api'] as const;

export function namespaceLimits(namespace: string, _core: Core, _org: OrgState) {
  if (namespace !== 'platform.api') return undefined;
  const limit = (key: string, value: number) => ({ key, namespace, value });
  return [
    limit('client.credentials.token.rate.per.minute', 300),
    limit('token.rate.per.minute', 300),
    limit('org.app.user.rate.per.minute', 3000),
    limit('request.bytes.max', 512_000),
  ];
}
