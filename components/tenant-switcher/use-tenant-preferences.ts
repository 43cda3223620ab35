'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  addRecent,
  keepGranted,
  parsePreferences,
  serializePreferences,
  toggleFavourite,
  type TenantPreferences,
} from './tenant-preferences';

// Writes land here first: localStorage may throw (disabled, private mode, quota) and the lists
// must still work for this page's lifetime.
const memory = new Map<string, string>();
const listeners = new Set<() => void>();

function readStored(key: string): string | null {
  const written = memory.get(key);
  if (written !== undefined) return written;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  memory.set(key, value);
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Kept in memory only; nothing else to do.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  // Another tab changed the lists: forget our copy so the stored value is read again.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null) memory.clear();
    else memory.delete(event.key);
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export interface TenantPreferencesApi {
  preferences: TenantPreferences;
  toggleFavourite: (tenantId: string) => void;
  addRecent: (tenantId: string) => void;
}

/** Favourites and recents of one user, limited to the tenants granted now, synced across tabs. */
export function useTenantPreferences(storageKey: string, granted: ReadonlySet<string>): TenantPreferencesApi {
  const raw = useSyncExternalStore(
    subscribe,
    () => readStored(storageKey),
    () => null,
  );
  const preferences = useMemo(() => keepGranted(parsePreferences(raw), granted), [raw, granted]);
  const update = useCallback(
    (change: (current: TenantPreferences) => TenantPreferences) => {
      const current = keepGranted(parsePreferences(readStored(storageKey)), granted);
      writeStored(storageKey, serializePreferences(change(current)));
    },
    [storageKey, granted],
  );
  return useMemo(
    () => ({
      preferences,
      toggleFavourite: (tenantId) => update((current) => toggleFavourite(current, tenantId)),
      addRecent: (tenantId) => update((current) => addRecent(current, tenantId)),
    }),
    [preferences, update],
  );
}
