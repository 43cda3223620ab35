'use client';

import { useCallback, useRef, useState } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';
import { type ApiFailure, fetchApi, isAbort } from '@/components/portal/api-fetch';

export type Answer<T> = { ok: true; data: T; requestId: string } | { ok: false; error: ApiFailure };

export interface SaveIo {
  write<T>(url: string, method: 'PUT' | 'PATCH', body: unknown): Promise<Answer<T>>;
  read<T>(url: string): Promise<Answer<T>>;
}

type Envelope<T> = { tenantId: string; data: T };

// randomUUID needs a secure context; a portal reached over plain http on a LAN name still works.
const requestId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * One save at a time per section, whatever the user clicks: a second confirm while a save (or
 * the re-read after its 409) is in flight does nothing. Every request takes the active tenant's
 * signal, so a tenant switch aborts it, and every answer must name this section's tenant.
 * The request id is chosen here and sent as X-Request-Id, so the success message can quote it.
 */
export function useSave(tenantId: string) {
  const { signal } = useActiveTenant();
  const inFlight = useRef(false);
  const [saving, setSaving] = useState(false);

  const run = useCallback(
    async <R>(task: (io: SaveIo) => Promise<R>): Promise<R | 'busy' | 'aborted'> => {
      if (inFlight.current) return 'busy';
      inFlight.current = true;
      setSaving(true);
      const call = async <T>(url: string, init: RequestInit): Promise<Answer<T>> => {
        const id = requestId();
        const headers = { ...(init.headers as Record<string, string>), 'X-Request-Id': id };
        const result = await fetchApi<Envelope<T>>(url, { ...init, headers, signal: signal() });
        if (!result.ok) return result;
        if (result.data.tenantId !== tenantId) {
          return { ok: false, error: { code: 'tenant_mismatch', message: 'The answer was for another tenant.' } };
        }
        return { ok: true, data: result.data.data, requestId: id };
      };
      const io: SaveIo = {
        write: (url, method, body) =>
          call(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
        read: (url) => call(url, { method: 'GET' }),
      };
      try {
        return await task(io);
      } catch (error) {
        if (isAbort(error)) return 'aborted';
        throw error;
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
    [signal, tenantId],
  );

  return { run, saving };
}

export const INTERRUPTED =
  'The save was interrupted by a tenant switch. It may have reached Genesys Cloud: the audit log has the outcome.';
