// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveTenantProvider } from '@/components/portal/active-tenant';
import { UsersExportButton } from '@/components/users-export/users-export-button';
import { SwitchHandle, switchTo } from '@/tests/support/switch-handle';

/** A fetch the test answers by hand: headers first, then body chunks, then the end (or a failure). */
interface StreamedFetch {
  url: string;
  signal: AbortSignal;
  respond(status: number, headers?: Record<string, string>, json?: unknown): void;
  push(text: string): void;
  end(): void;
  fail(): void;
}

const fetches: StreamedFetch[] = [];
const saved: { blob: Blob; filename: string }[] = [];

beforeEach(() => {
  fetches.length = 0;
  saved.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          const signal = init.signal!;
          let body!: ReadableStreamDefaultController<Uint8Array>;
          const stream = new ReadableStream<Uint8Array>({ start: (controller) => void (body = controller) });
          // As in a browser: the abort rejects the fetch, or errors the body being read.
          signal.addEventListener('abort', () => {
            reject(signal.reason as Error);
            body.error(signal.reason);
          });
          fetches.push({
            url,
            signal,
            respond: (status, headers = {}, json) =>
              resolve(
                json === undefined
                  ? new Response(stream, { status, headers })
                  : Response.json(json, { status, headers }),
              ),
            push: (text) => body.enqueue(new TextEncoder().encode(text)),
            end: () => body.close(),
            fail: () => body.error(new TypeError('network error')),
          });
        }),
    ),
  );
  let nextUrl = 0;
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${++nextUrl}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, filename: this.download });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tree = () => (
  <ActiveTenantProvider activeTenantId="acme-prod">
    <SwitchHandle />
    <label>
      Search <input type="search" />
    </label>
    <UsersExportButton tenantId="acme-prod" filter={{ state: 'active', q: 'ada' }} />
  </ActiveTenantProvider>
);

const HEAD =
  '# tenant=acme-prod filter=q%3Dada%26state%3Dactive exportedAt=2026-03-01T12:00:00.000Z exportedBy=a%40b.test total=2500\r\nid,name\r\n';
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `u-${from + i},"Name, ${from + i}\r\nsecond line"\r\n`).join('');
const CSV_HEADERS = {
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': 'attachment; filename="users-acme-prod-2026-03-01.csv"',
  'x-total-count': '2500',
  'x-request-id': 'req-export-1',
};

/** Runs a step inside act and lets the reader's promise chain settle. */
const step = (run: () => void) =>
  act(async () => {
    run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

async function startExport() {
  render(tree());
  await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect(fetches.map((f) => f.url)).toEqual(['/api/tenants/acme-prod/users/export?q=ada&state=active']);
  return fetches[0]!;
}

describe('UsersExportButton', () => {
  it('shows rows so far against the total while streaming, then saves the whole file', async () => {
    const request = await startExport();
    expect(screen.getByRole('button', { name: 'Exporting…' }).getAttribute('aria-busy')).toBe('true');
    await step(() => request.respond(200, CSV_HEADERS));
    await step(() => request.push(HEAD + rows(0, 100)));
    expect(screen.getByText('100 / 2,500 rows')).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: 'Export progress' });
    expect(progress.getAttribute('aria-valuenow')).toBe('100');
    expect(progress.getAttribute('aria-valuemax')).toBe('2500');
    // A chunk boundary inside a quoted cell counts nothing until the record ends.
    const next = rows(100, 2400);
    await step(() => request.push(next.slice(0, 20)));
    expect(screen.getByText('100 / 2,500 rows')).toBeTruthy();
    await step(() => request.push(next.slice(20)));
    expect(screen.getByText('2,500 / 2,500 rows')).toBeTruthy();
    expect(saved).toEqual([]); // nothing saved before the end
    await step(() => request.end());
    expect(saved).toHaveLength(1);
    expect(saved[0]?.filename).toBe('users-acme-prod-2026-03-01.csv');
    expect(await saved[0]!.blob.text()).toBe(HEAD + rows(0, 2500));
    expect(screen.getByRole('status').textContent).toBe('Saved 2,500 rows as users-acme-prod-2026-03-01.csv.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('Cancel aborts the request (which stops the server paging) and saves nothing', async () => {
    const request = await startExport();
    await step(() => request.respond(200, CSV_HEADERS));
    await step(() => request.push(HEAD + rows(0, 100)));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(request.signal.aborted).toBe(true);
    expect(await screen.findByText('Export cancelled; nothing was saved.')).toBeTruthy();
    expect(saved).toEqual([]);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
  });

  it('a tenant switch aborts the export', async () => {
    const request = await startExport();
    await step(() => request.respond(200, CSV_HEADERS));
    await step(() => switchTo('globex-eu'));
    expect(request.signal.aborted).toBe(true);
    expect(saved).toEqual([]);
  });

  it('shows a refusal with its request id, the missing permission and a retry', async () => {
    const request = await startExport();
    await step(() =>
      request.respond(
        403,
        {},
        {
          error: {
            code: 'upstream_forbidden',
            message: 'Genesys Cloud refused: missing permission.',
            requestId: 'req-403',
            missingPermissions: ['directory:user:view'],
          },
        },
      ),
    );
    expect(screen.getByRole('alert').textContent).toContain('Genesys Cloud refused: missing permission.');
    expect(screen.getByText('directory:user:view')).toBeTruthy();
    expect(screen.getByText('req-403')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fetches).toHaveLength(2);
  });

  it('says how long to wait on a 429, and that the audit store refused on a 503', async () => {
    const request = await startExport();
    await step(() =>
      request.respond(
        429,
        { 'retry-after': '30' },
        { error: { code: 'rate_limited', message: 'Rate limit.', requestId: 'r' } },
      ),
    );
    expect(screen.getByText('Genesys Cloud asks to wait 30 s before retrying.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await step(() =>
      fetches[1]!.respond(
        503,
        {},
        { error: { code: 'audit_unavailable', message: 'The export was refused: it could not be audited.' } },
      ),
    );
    expect(screen.getByRole('alert').textContent).toContain('could not be audited');
  });

  it('a download cut short is an error, not a saved file', async () => {
    const request = await startExport();
    await step(() => request.respond(200, CSV_HEADERS));
    await step(() => request.push(HEAD + rows(0, 100)));
    await step(() => request.fail());
    expect(screen.getByRole('alert').textContent).toContain(
      'The export stopped after 100 of 2500 rows; nothing was saved.',
    );
    expect(screen.getByText('req-export-1')).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('refuses a file whose provenance names another tenant', async () => {
    const request = await startExport();
    await step(() => request.respond(200, CSV_HEADERS));
    await step(() => request.push(HEAD.replace('tenant=acme-prod', 'tenant=globex-eu') + rows(0, 10)));
    expect(screen.getByRole('alert').textContent).toContain('did not come for this tenant');
    expect(saved).toEqual([]);
  });

  describe('focus', () => {
    const exportButton = () => screen.getByRole('button', { name: /^(Export CSV|Exporting…)$/ });

    /** The export streaming, with keyboard focus on Cancel (tabbed to from the export button). */
    async function focusOnCancel() {
      const request = await startExport();
      await step(() => request.respond(200, CSV_HEADERS));
      await step(() => request.push(HEAD + rows(0, 100)));
      expect(document.activeElement).toBe(exportButton());
      await userEvent.tab();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
      return request;
    }

    it('returns to Export CSV when Cancel is pressed from the keyboard', async () => {
      await focusOnCancel();
      await userEvent.keyboard('{Enter}');
      expect(await screen.findByText('Export cancelled; nothing was saved.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export CSV' }));
    });

    it('returns to Export CSV when the export completes while Cancel has focus', async () => {
      const request = await focusOnCancel();
      await step(() => request.push(rows(100, 2400)));
      await step(() => request.end());
      expect(saved).toHaveLength(1);
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export CSV' }));
    });

    it('returns to Export CSV on an error (announced by the alert), with Retry the next Tab stop', async () => {
      const request = await focusOnCancel();
      await step(() => request.fail());
      expect(screen.getByRole('alert').textContent).toContain('nothing was saved');
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export CSV' }));
      await userEvent.tab();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry' }));
      // Retry disappears as the new export starts: focus goes to the (busy) export button.
      await userEvent.keyboard('{Enter}');
      expect(fetches).toHaveLength(2);
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Exporting…' }));
    });

    it('leaves focus the user moved elsewhere during the export where it is', async () => {
      const request = await startExport();
      await step(() => request.respond(200, CSV_HEADERS));
      const search = screen.getByRole('searchbox', { name: 'Search' });
      await userEvent.click(search);
      await step(() => request.push(HEAD + rows(0, 2500)));
      await step(() => request.end());
      expect(saved).toHaveLength(1);
      expect(document.activeElement).toBe(search);
    });

    it('does not take focus when it first renders', () => {
      render(tree());
      expect(document.activeElement).toBe(document.body);
    });
  });
});
