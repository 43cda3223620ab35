'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { ZodError } from 'zod';
import { parseUserView, toViewSearch, type UserView } from '@/lib/users/user-view';

export interface UrlView {
  view: UserView;
  /** Why the URL's view was not used (the defaults are shown instead); null when it was. */
  problem: string | null;
  setView: (next: UserView) => void;
}

const DEFAULT_VIEW = parseUserView(new URLSearchParams());

export function readView(search: string): Omit<UrlView, 'setView'> {
  try {
    return { view: parseUserView(new URLSearchParams(search)), problem: null };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const fields = error.issues.map((issue) => `${String(issue.path[0] ?? 'link')}: ${issue.message}`);
    return { view: DEFAULT_VIEW, problem: fields.slice(0, 3).join('; ') };
  }
}

/**
 * The users view lives in the URL (shareable, reload-safe, and reset by following the Users
 * link). It is written with history.replaceState, which Next's router syncs into
 * useSearchParams without a server round trip: router.replace would re-render the server page
 * (session check, divisions listing) on every keystroke, sort and page.
 */
export function useUrlView(): UrlView {
  const search = useSearchParams().toString();
  const pathname = usePathname();
  const parsed = useMemo(() => readView(search), [search]);
  const setView = useCallback(
    (next: UserView) => {
      const query = toViewSearch(next).toString();
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return { ...parsed, setView };
}
