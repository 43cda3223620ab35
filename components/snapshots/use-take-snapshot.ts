'use client';

import { useCallback, useState } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';
import { fetchApi, isAbort, type ApiFailure } from '@/components/portal/api-fetch';
import type { SnapshotMeta } from '@/lib/snapshots/types';
import type { UserFilter } from '@/lib/users/user-view';

export type TakeState =
  | { status: 'idle' }
  | { status: 'taking' }
  | { status: 'done'; snapshot: SnapshotMeta }
  | { status: 'error'; error: ApiFailure };

/**
 * POSTs the filter and waits for the whole snapshot (the list shows its progress meanwhile).
 * A tenant switch aborts the wait, not the snapshot: the server finishes it and lists it.
 */
export function useTakeSnapshot(tenantId: string, onSettled: () => void) {
  const { signal } = useActiveTenant();
  const [state, setState] = useState<TakeState>({ status: 'idle' });
  const take = useCallback(
    async (filter: UserFilter) => {
      setState({ status: 'taking' });
      try {
        const result = await fetchApi<{ tenantId: string; data: SnapshotMeta }>(
          `/api/tenants/${encodeURIComponent(tenantId)}/snapshots`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(filter),
            signal: signal(),
          },
        );
        // Another tenant's answer is dropped, but the wait is over: the button must not stay busy.
        if (result.ok && result.data.tenantId !== tenantId) return setState({ status: 'idle' });
        setState(result.ok ? { status: 'done', snapshot: result.data.data } : { status: 'error', error: result.error });
        onSettled();
      } catch (error) {
        if (!isAbort(error)) throw error;
        setState({ status: 'idle' }); // the server finishes the snapshot; the list shows it
      }
    },
    [tenantId, signal, onSettled],
  );
  return { state, take };
}
