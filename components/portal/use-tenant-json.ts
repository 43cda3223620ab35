'use client';

import { useEffect, useRef, useState } from 'react';
import { useActiveTenant } from './active-tenant';
import { fetchApi, isAbort, type ApiFailure } from './api-fetch';

export type TenantJsonState<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiFailure };

interface Options {
  /** The tenant the caller renders for; when it is not the active tenant nothing is fetched. */
  tenantId?: string;
  /** Re-fetch this often, keeping the last good data on screen meanwhile. */
  refreshMs?: number;
}

/**
 * Fetches a tenant-scoped portal payload (`{ tenantId, ... }`) and renders it only if it belongs
 * to the tenant asked for: a payload for any other tenant is dropped, never shown. Requests are
 * aborted on unmount, on a URL change and when a tenant switch starts (the context's signal).
 */
export function useTenantJson<T extends { tenantId: string }>(url: string | null, options: Options = {}) {
  const active = useActiveTenant();
  // A tenant other than the active one is never fetched here (multi-tenant views fetch per row).
  const expected =
    options.tenantId === undefined || options.tenantId === active.activeTenantId ? active.activeTenantId : null;
  const [state, setState] = useState<{ key: string; value: TenantJsonState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${expected ?? ''}|${url ?? ''}`;
  const { signal: tenantSignal } = active;
  const refreshMs = useRef(options.refreshMs);

  useEffect(() => {
    if (!url || !expected) return;
    const own = new AbortController();
    const signal = AbortSignal.any([own.signal, tenantSignal()]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const result = await fetchApi<T>(url, { signal });
        if (result.ok && result.data.tenantId !== expected) return; // another tenant's data: drop it
        setState({
          key,
          value: result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error },
        });
        if (refreshMs.current) timer = setTimeout(() => void load(), refreshMs.current);
      } catch (error) {
        if (!isAbort(error)) throw error;
      }
    };
    void load();
    return () => {
      clearTimeout(timer);
      own.abort(new DOMException('superseded', 'AbortError'));
    };
  }, [url, expected, key, attempt, tenantSignal]);

  // State kept for another tenant or URL is never shown, even for one render.
  const value: TenantJsonState<T> = state && state.key === key ? state.value : { status: 'loading' };
  return { ...value, retry: () => setAttempt((n) => n + 1) };
}
