// Permission strings the portal's clients are granted. Names come from the SDK docs
// (genesys-api.md §14; routing/analytics from the SDK's RoutingApi.md / AnalyticsApi.md
// "Requires ANY permissions" sections).

export const PERMISSIONS = {
  orgAdmin: 'directory:organization:admin',
  userView: 'directory:user:view',
  roleView: 'authorization:role:view',
  clientView: 'oauth:client:view',
  trustorView: 'authorization:orgTrustor:view',
  trusteeView: 'authorization:orgTrustee:view',
  queueView: 'routing:queue:view',
  conversationAggregateView: 'analytics:conversationAggregate:view',
} as const;

export const PORTAL_PERMISSIONS: readonly string[] = Object.values(PERMISSIONS);

export const PORTAL_READONLY_PERMISSIONS: readonly string[] = PORTAL_PERMISSIONS.filter(
  (permission) => permission !== PERMISSIONS.orgAdmin,
);

/** Genesys permissions are `domain:entity:action`; a role may grant `*` in any segment. */
export function grants(granted: string, required: string): boolean {
  if (granted === required) return true;
  const have = granted.split(':');
  const want = required.split(':');
  if (have.length !== 3 || want.length !== 3) return false;
  return have.every((segment, i) => segment === '*' || segment === want[i]);
}

export const hasPermission = (granted: readonly string[], required: string): boolean =>
  granted.some((permission) => grants(permission, required));
