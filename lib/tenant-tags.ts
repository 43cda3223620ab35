/**
 * Cache tags always carry the tenant id: a global tag would let one tenant's cached data be
 * served or purged for another. Every cached fetch of tenant data uses one of these.
 */
export const TENANT_TAG_KINDS = ['organization', 'users', 'directory', 'activity'] as const;

export function tenantTag(tenantId: string, kind: (typeof TENANT_TAG_KINDS)[number]): string {
  return `tenant:${tenantId}:${kind}`;
}

/** Every cached entry of the tenant carries this one too, so one tag expires all of them. */
export function tenantRootTag(tenantId: string): string {
  return `tenant:${tenantId}`;
}

export function tenantTags(tenantId: string): string[] {
  return [tenantRootTag(tenantId), ...TENANT_TAG_KINDS.map((kind) => tenantTag(tenantId, kind))];
}
