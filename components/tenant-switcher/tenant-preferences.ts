/**
 * Favourites and recents of the tenant switcher, as stored in localStorage. Pure: parsing never
 * throws (storage is user-editable and may hold anything), and tenants no longer granted are
 * dropped by `keepGranted` rather than shown.
 */
export interface TenantPreferences {
  favourites: string[];
  recents: string[];
}

export const MAX_RECENTS = 5;
// Far above any real use; only bounds what a corrupted or hostile value can make us render.
export const MAX_FAVOURITES = 200;

export const EMPTY_PREFERENCES: TenantPreferences = { favourites: [], recents: [] };

/** One key per user: two people sharing a browser profile keep their own lists. */
export function preferencesKey(userId: string | undefined): string {
  return `genesys-portal:tenant-switcher:v1:${userId ?? 'anonymous'}`;
}

function toIdList(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= 64);
  return [...new Set(ids)].slice(0, max);
}

export function parsePreferences(raw: string | null): TenantPreferences {
  if (!raw) return EMPTY_PREFERENCES;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_PREFERENCES;
  }
  if (typeof value !== 'object' || value === null) return EMPTY_PREFERENCES;
  const { favourites, recents } = value as Record<string, unknown>;
  return { favourites: toIdList(favourites, MAX_FAVOURITES), recents: toIdList(recents, MAX_RECENTS) };
}

export function serializePreferences(preferences: TenantPreferences): string {
  return JSON.stringify({ favourites: preferences.favourites, recents: preferences.recents });
}

export function keepGranted(preferences: TenantPreferences, granted: ReadonlySet<string>): TenantPreferences {
  const favourites = preferences.favourites.filter((id) => granted.has(id));
  const recents = preferences.recents.filter((id) => granted.has(id));
  const unchanged =
    favourites.length === preferences.favourites.length && recents.length === preferences.recents.length;
  return unchanged ? preferences : { favourites, recents };
}

export function toggleFavourite(preferences: TenantPreferences, tenantId: string): TenantPreferences {
  const favourites = preferences.favourites.includes(tenantId)
    ? preferences.favourites.filter((id) => id !== tenantId)
    : [...preferences.favourites, tenantId].slice(-MAX_FAVOURITES);
  return { ...preferences, favourites };
}

/** Most recent first, no duplicates, at most MAX_RECENTS. */
export function addRecent(preferences: TenantPreferences, tenantId: string): TenantPreferences {
  const recents = [tenantId, ...preferences.recents.filter((id) => id !== tenantId)].slice(0, MAX_RECENTS);
  return { ...preferences, recents };
}
