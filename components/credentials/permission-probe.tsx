'use client';

import { useEffect, useRef, useState } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';
import { fetchApi, isAbort, type ApiFailure } from '@/components/portal/api-fetch';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { PermissionProbeResult } from '@/lib/credentials/types';
import styles from './credentials.module.css';
import { ProbeResults } from './probe-results';

type ProbeState =
  | { status: 'idle' }
  | { status: 'probing' }
  | { status: 'ok'; result: PermissionProbeResult }
  | { status: 'error'; error: ApiFailure };

interface Payload {
  tenantId: string;
  data: PermissionProbeResult;
}

/**
 * On demand only: one probe is ~10 upstream calls, so a page of 500 tenants never probes by
 * itself. The request is dropped if it answers for another tenant and aborted on unmount or when
 * a tenant switch starts (the active-tenant signal), like every tenant-scoped fetch.
 */
export function PermissionProbe({ tenantId, displayName }: { tenantId: string; displayName: string }) {
  const { signal } = useActiveTenant();
  const [state, setState] = useState<ProbeState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(new DOMException('unmounted', 'AbortError')), []);

  async function probe() {
    current.current?.abort(new DOMException('superseded', 'AbortError'));
    const own = new AbortController();
    current.current = own;
    setState({ status: 'probing' });
    try {
      const url = `/api/tenants/${encodeURIComponent(tenantId)}/credentials`;
      const result = await fetchApi<Payload>(url, { signal: AbortSignal.any([own.signal, signal()]) });
      if (result.ok && result.data.tenantId !== tenantId) throw new DOMException('other tenant', 'AbortError');
      setState(result.ok ? { status: 'ok', result: result.data.data } : { status: 'error', error: result.error });
    } catch (error) {
      if (!isAbort(error)) throw error;
      if (current.current === own) setState({ status: 'idle' });
    }
  }

  const probing = state.status === 'probing';
  return (
    <div className={styles.probeBlock}>
      <button
        type="button"
        onClick={() => {
          if (!probing) void probe();
        }}
        aria-disabled={probing}
        aria-busy={probing}
      >
        {probing ? 'Probing…' : state.status === 'idle' ? 'Probe permissions' : 'Probe again'}
      </button>
      <div aria-live="polite" aria-busy={probing}>
        {state.status === 'probing' ? (
          <div className={styles.probe}>
            <Skeleton width="50%" label={`Probing the permissions of ${displayName}`} />
            <Skeleton height="8rem" />
          </div>
        ) : state.status === 'ok' ? (
          <ProbeResults result={state.result} displayName={displayName} />
        ) : state.status === 'error' ? (
          <ErrorPanel
            title="The probe failed"
            message={state.error.message}
            requestId={state.error.requestId}
            code={state.error.code}
            missingPermissions={state.error.missingPermissions}
            retryAfterSeconds={state.error.retryAfterSeconds}
            onRetry={() => void probe()}
          />
        ) : null}
      </div>
    </div>
  );
}
