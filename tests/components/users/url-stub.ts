/**
 * next/navigation as the users table uses it, backed by happy-dom's real location: the search
 * params and pathname follow window.history.replaceState, as Next's router syncs them.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const navigationMock = {
  useSearchParams: () => {
    const search = useSyncExternalStore(subscribe, () => window.location.search);
    return useMemo(() => new URLSearchParams(search), [search]);
  },
  usePathname: () => useSyncExternalStore(subscribe, () => window.location.pathname),
  useRouter: () => ({ refresh: () => undefined, replace: () => undefined, push: () => undefined }),
};

/** Every test starts at `/users` (or the given URL); replaceState notifies the hooks above. */
export function stubUrl(): { set(url: string): void; writes: string[] } {
  const writes: string[] = [];
  const original = window.history.replaceState.bind(window.history);
  beforeEach(() => {
    writes.length = 0;
    original(null, '', '/users');
    vi.spyOn(window.history, 'replaceState').mockImplementation((data, unused, url) => {
      original(data, unused, url);
      writes.push(String(url));
      for (const listener of listeners) listener();
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return { set: (url) => original(null, '', url), writes };
}

/** The URL's view part, for assertions. */
export const currentSearch = () => new URLSearchParams(window.location.search);
