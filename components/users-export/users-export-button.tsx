'use client';

import { useEffect, useRef, useState } from 'react';
import { formatCount } from '@/components/charts/scale';
import { useActiveTenant } from '@/components/portal/active-tenant';
import { isAbort, type ApiFailure } from '@/components/portal/api-fetch';
import { ErrorPanel } from '@/components/ui/error-panel';
import { usersExportUrl } from '@/lib/users-export/download-protocol';
import type { UserFilter } from '@/lib/users/user-view';
import { fetchUsersExport, type ExportProgress } from './fetch-users-export';
import styles from './users-export.module.css';

type ExportState =
  | { status: 'idle' }
  | ({ status: 'running' } & ExportProgress)
  | { status: 'done'; rows: number; filename: string }
  | { status: 'cancelled' }
  | { status: 'error'; error: ApiFailure };

/** Hands the file to the browser's download (the anchor must be in the document for Firefox). */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const rowsText = (rows: number, total: number | undefined) =>
  total === undefined ? `${formatCount(rows)} rows` : `${formatCount(rows)} / ${formatCount(total)} rows`;

/**
 * "Export CSV" of the whole filtered list (every page, not only the one on screen). The server
 * streams it; this shows rows so far against the total, can be cancelled, and saves the file
 * when the last row has arrived. Cancel, a tenant switch and unmounting all abort the request,
 * which stops the server's paging upstream.
 */
export function UsersExportButton({ tenantId, filter }: { tenantId: string; filter: UserFilter }) {
  const { signal } = useActiveTenant();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const running = state.status === 'running';

  useEffect(() => () => current.current?.abort(new DOMException('unmounted', 'AbortError')), []);

  // Starting and ending an export removes the control that had focus (Retry, Cancel): focus
  // would fall to <body>, so it returns to the export button. The outcome itself is announced
  // (status line, or the error panel's alert, whose Retry is the next Tab stop). Focus the user
  // moved elsewhere meanwhile (the search box, while a long export runs) stays where it is, and
  // a tenant switch (back to idle) leaves focus to the switcher.
  const status = state.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === status) return; // the first render: focus is not ours to take
    previous.current = status;
    if (status === 'idle') return;
    const focused = document.activeElement;
    if (focused === null || focused === document.body || root.current?.contains(focused)) {
      exportButton.current?.focus();
    }
  }, [status]);

  async function start() {
    current.current?.abort(new DOMException('superseded', 'AbortError'));
    const own = new AbortController();
    current.current = own;
    setState({ status: 'running', rows: 0, total: undefined });
    const isCurrent = () => current.current === own;
    try {
      const result = await fetchUsersExport(usersExportUrl(tenantId, filter), tenantId, {
        signal: AbortSignal.any([own.signal, signal()]),
        onProgress: (progress) => {
          if (isCurrent()) setState({ status: 'running', ...progress });
        },
      });
      if (!isCurrent()) return;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      saveFile(result.blob, result.filename);
      setState({ status: 'done', rows: result.rows, filename: result.filename });
    } catch (error) {
      if (!isAbort(error)) throw error;
      // Our own Cancel says so; a tenant switch or unmount leaves nothing to say.
      if (isCurrent()) setState(own.signal.aborted ? { status: 'cancelled' } : { status: 'idle' });
    }
  }

  return (
    <div ref={root} className={styles.export} data-tenant-id={tenantId}>
      <div className={styles.controls}>
        <button
          ref={exportButton}
          type="button"
          onClick={() => {
            if (!running) void start();
          }}
          aria-disabled={running}
          aria-busy={running}
        >
          {running ? 'Exporting…' : 'Export CSV'}
        </button>
        {running ? (
          <>
            <progress
              className={styles.progress}
              aria-label="Export progress"
              max={state.total || undefined}
              value={state.total ? state.rows : undefined}
              aria-valuemin={0}
              aria-valuemax={state.total}
              aria-valuenow={state.total ? state.rows : undefined}
            />
            <span className={styles.count}>{rowsText(state.rows, state.total)}</span>
            <button type="button" onClick={() => current.current?.abort(new DOMException('cancelled', 'AbortError'))}>
              Cancel
            </button>
          </>
        ) : null}
        <span role="status" className={styles.status}>
          {state.status === 'running' ? 'Exporting all matching users…' : null}
          {state.status === 'done' ? `Saved ${formatCount(state.rows)} rows as ${state.filename}.` : null}
          {state.status === 'cancelled' ? 'Export cancelled; nothing was saved.' : null}
        </span>
      </div>
      {state.status === 'error' ? (
        <ErrorPanel
          title="The export failed"
          message={state.error.message}
          requestId={state.error.requestId}
          code={state.error.code}
          missingPermissions={state.error.missingPermissions}
          retryAfterSeconds={state.error.retryAfterSeconds}
          onRetry={() => void start()}
        />
      ) : null}
    </div>
  );
}
