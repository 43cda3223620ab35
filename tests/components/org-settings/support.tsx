import { act, cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';

/** One request the editor sent; the test answers it (status, body, headers) when it chooses. */
export interface SentRequest {
  url: string;
  method: string;
  body: unknown;
  headers: Record<string, string>;
  signal: AbortSignal;
  respond: (status: number, body: unknown, headers?: Record<string, string>) => Promise<void>;
}

/** Stubs `fetch` per test; every call waits for the test's answer, and an abort rejects it. */
export function stubFetch(): SentRequest[] {
  const sent: SentRequest[] = [];
  beforeEach(() => {
    sent.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (url: string, init: RequestInit) =>
          new Promise<Response>((resolve, reject) => {
            const signal = init.signal!;
            signal.addEventListener('abort', () => reject(signal.reason as Error));
            sent.push({
              url,
              method: init.method ?? 'GET',
              body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
              headers: init.headers as Record<string, string>,
              signal,
              respond: (status, body, headers = {}) =>
                act(async () => {
                  resolve(Response.json(body, { status, headers }));
                  for (let i = 0; i < 5; i++) await new Promise<void>((done) => setTimeout(done, 0));
                }),
            });
          }),
      ),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return sent;
}

export const renderFor = (tenantId: string, ui: ReactElement) =>
  render(<ActiveTenantProvider activeTenantId={tenantId}>{ui}</ActiveTenantProvider>);

// happy-dom's <dialog> has showModal() and close(), but not a browser's Escape on a modal
// dialog: this does what the browser does (a cancelable `cancel` event, then close()).
function escapeClosesModalDialog(event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  const dialog = document.querySelector('dialog[open]');
  if (dialog instanceof HTMLDialogElement && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) {
    dialog.close();
  }
}

export function escapeClosesDialogs() {
  beforeAll(() => document.addEventListener('keydown', escapeClosesModalDialog));
  afterAll(() => document.removeEventListener('keydown', escapeClosesModalDialog));
}

export const ok = (tenantId: string, data: unknown) => ({ tenantId, data });
export const failure = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, requestId: 'req-failed-1', ...extra },
});
