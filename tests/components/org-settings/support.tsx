import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, beforeAll } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { stubPendingFetch, type PendingFetch } from '@/tests/support/pending-fetch';

/** One request the editor sent; the test answers it (status, body, headers) when it chooses. */
export type SentRequest = PendingFetch;

/** Stubs `fetch` per test; every call waits for the test's answer, and an abort rejects it. */
export const stubFetch = (): SentRequest[] => stubPendingFetch();

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
