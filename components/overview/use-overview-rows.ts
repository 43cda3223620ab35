'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';
import { fetchApi, isAbort, type ApiFailure, type ApiResult } from '@/components/portal/api-fetch';
import type { TenantOverview, TenantOverviewResponse } from '@/lib/overview/types';
import { shownData, type RowState } from './rows';
import { createTaskQueue, type TaskQueue } from './task-queue';

/**
 * At most this many overview requests in flight per tab. Each one may cost its tenant a dozen
 * upstream calls (first permission probe) and holds a server request open while it does.
 */
export const OVERVIEW_CONCURRENCY = 4;

// Why every tenant is queued, in display order, rather than only the rows near the viewport:
// the summary, the status filter and the sorts by status/users/budget are about all tenants,
// and a viewport-driven fetch would leave them wrong until the user scrolled through everything.
// The queue keeps the cost bounded instead (4 in flight, each tenant within its own rate
// budget, permissions cached server-side), and 500 rows of plain table cells render fine.

type Entry = { generation: number; state: RowState };

const overviewUrl = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/overview`;

const MISMATCH: ApiFailure = {
  code: 'tenant_mismatch',
  message: 'The answer was for another tenant and was discarded. Retry to load this tenant again.',
};

const MALFORMED: ApiFailure = { code: 'invalid_payload', message: 'The portal answered in an unexpected shape.' };

/** One row's answer as a row state; throws only when aborted. */
async function fetchRow(tenantId: string, signal: AbortSignal): Promise<Exclude<RowState, { status: 'loading' }>> {
  let result: ApiResult<TenantOverviewResponse | null>;
  try {
    result = await fetchApi<TenantOverviewResponse | null>(overviewUrl(tenantId), { signal });
  } catch (error) {
    if (isAbort(error) || signal.aborted) throw error;
    return { status: 'error', error: { code: 'client_error', message: 'The answer could not be read.' } };
  }
  if (!result.ok) return { status: 'error', error: result.error };
  const body = result.data;
  if (!body || typeof body.data !== 'object' || body.data === null) return { status: 'error', error: MALFORMED };
  // Another tenant's payload is never shown in this tenant's row.
  if (body.tenantId !== tenantId || body.data.tenantId !== tenantId) return { status: 'error', error: MISMATCH };
  return { status: 'ok', data: body.data };
}

const dataOf = (state: RowState | undefined): TenantOverview | undefined => state && shownData(state);

// The same object for the same row and data, so memoised rows skip re-rendering while others load.
const LOADING: RowState = { status: 'loading' };
const reloadingStates = new WeakMap<Entry, RowState>();
function reloading(entry: Entry): RowState {
  let state = reloadingStates.get(entry);
  if (!state) reloadingStates.set(entry, (state = { status: 'loading', previous: dataOf(entry.state) }));
  return state;
}

/**
 * Each tenant's overview row, fetched through a bounded queue. A row reloading keeps showing its
 * last data (no layout jump). Requests stop on unmount, on refresh (a new generation) and when a
 * tenant switch starts (the active-tenant signal); rows not loaded by then are queued again.
 */
export function useOverviewRows(tenantIds: readonly string[], concurrency = OVERVIEW_CONCURRENCY) {
  const { signal: tenantSignal } = useActiveTenant();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [generation, setGeneration] = useState(0);
  const generationRef = useRef(0);
  const loaded = useRef(new Map<string, number>()); // tenantId → generation it was loaded in
  const queueRef = useRef<TaskQueue | null>(null);
  const idsKey = tenantIds.join('\n');

  // Rows on their way, per queue (a new queue after a refresh or a switch starts afresh): a
  // second Retry or "Check again" before the answer must not fetch the same row twice at once.
  const inFlight = useRef(new WeakMap<TaskQueue, Set<string>>());

  /** Queues one row's fetch; false when the same row of the same generation is already on its way. */
  const load = useCallback((queue: TaskQueue, tenantId: string, gen: number, first = false): boolean => {
    const running = inFlight.current.get(queue) ?? new Set<string>();
    inFlight.current.set(queue, running);
    const key = `${gen}\n${tenantId}`;
    if (running.has(key)) return false;
    running.add(key);
    const settled = () => running.delete(key);
    queue
      .run((signal) => fetchRow(tenantId, signal), { first })
      .then(
        (outcome) => {
          settled();
          if (gen !== generationRef.current) return;
          loaded.current.set(tenantId, gen);
          setEntries((previous) => {
            const state: RowState =
              outcome.status === 'ok' ? outcome : { ...outcome, previous: dataOf(previous[tenantId]?.state) };
            return { ...previous, [tenantId]: { generation: gen, state } };
          });
        },
        () => settled(), // aborted (fetchRow throws nothing else): a newer load owns the row
      );
    return true;
  }, []);

  useEffect(() => {
    const own = new AbortController();
    const queue = createTaskQueue(concurrency, AbortSignal.any([own.signal, tenantSignal()]));
    queueRef.current = queue;
    for (const tenantId of idsKey ? idsKey.split('\n') : []) {
      if (loaded.current.get(tenantId) !== generation) load(queue, tenantId, generation);
    }
    return () => {
      own.abort(new DOMException('overview superseded', 'AbortError'));
      if (queueRef.current === queue) queueRef.current = null;
    };
  }, [idsKey, generation, tenantSignal, concurrency, load]);

  const refresh = useCallback(() => {
    generationRef.current += 1;
    setGeneration(generationRef.current);
  }, []);

  const retry = useCallback(
    (tenantId: string) => {
      const queue = queueRef.current;
      if (!queue) return;
      if (!load(queue, tenantId, generationRef.current, true)) return; // already on its way
      loaded.current.delete(tenantId);
      // Marked stale (generation -1): the row shows "loading" with its last data until the answer.
      setEntries((previous) => {
        const entry = previous[tenantId];
        return entry ? { ...previous, [tenantId]: { ...entry, generation: -1 } } : previous;
      });
    },
    [load],
  );

  const stateOf = (tenantId: string): RowState => {
    const entry = entries[tenantId];
    if (!entry) return LOADING;
    if (entry.generation === generation) return entry.state;
    return reloading(entry);
  };

  return { stateOf, refresh, retry };
}
