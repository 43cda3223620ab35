// @vitest-environment happy-dom
// One audit entry as a table row, expandable to its field-level before → after diff.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditEntryRow } from '@/components/audit/audit-entry-row';
import type { AuditEntry } from '@/lib/audit/types';

afterEach(cleanup);

const base: AuditEntry = {
  id: '1738332000000-0',
  time: '2025-01-31T14:00:00.000Z',
  userId: 'demo-ops',
  userEmail: 'ops@demo.test',
  role: 'ops',
  tenantId: 'acme-prod',
  action: 'org.update',
  result: 'success',
  requestId: 'req-1',
};

function renderRow(entry: AuditEntry) {
  return render(
    <table>
      <tbody>
        <AuditEntryRow entry={entry} />
      </tbody>
    </table>,
  );
}

const changed: AuditEntry = {
  ...base,
  before: { name: 'Acme', domain: 'acme', settings: { mfa: false } },
  after: { name: 'Acme Renamed', domain: 'acme', settings: { mfa: true }, state: 'active' },
};

describe('AuditEntryRow', () => {
  it('shows the entry’s time, user, tenant, action, result and request id', () => {
    renderRow(base);
    const time = screen.getByText('2025-01-31 14:00:00 UTC');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe(base.time);
    for (const text of ['ops@demo.test', 'demo-ops', 'acme-prod', 'org.update', 'Success', 'req-1']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
  });

  it('expands to the changed fields with old → new values, collapsed by default', async () => {
    const user = userEvent.setup();
    const { container } = renderRow(changed);
    const toggle = screen.getByRole('button', { name: /changes of org\.update at 2025-01-31 14:00:00 UTC/i });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const detail = container.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)!;
    expect(detail.hasAttribute('hidden')).toBe(true);
    expect(screen.queryByRole('table', { name: /changes of/i })).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(detail.hasAttribute('hidden')).toBe(false);
    const diff = screen.getByRole('table', { name: /changes of org\.update/i });
    const rows = within(diff)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['name', 'changed', '"Acme"', '"Acme Renamed"'],
      ['settings.mfa', 'changed', 'false', 'true'],
      ['state', 'added', '—none', '"active"'],
    ]);
    expect(screen.getByText('2 changed, 1 added')).toBeTruthy();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(detail.hasAttribute('hidden')).toBe(true);
  });

  it('hides unchanged fields until asked, and works from the keyboard', async () => {
    const user = userEvent.setup();
    renderRow(changed);
    const toggle = screen.getByRole('button', { name: /changes of/i });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByText('domain')).toBeNull();
    // One fixed label; the state is aria-pressed alone (a flipping label would contradict it).
    const showUnchanged = screen.getByRole('button', { name: 'Show unchanged fields' });
    expect(showUnchanged.getAttribute('aria-pressed')).toBe('false');
    showUnchanged.focus();
    await user.keyboard(' ');
    expect(screen.getByText('domain').closest('tr')?.textContent).toBe('domainunchanged"acme""acme"');
    expect(screen.getByRole('button', { name: 'Show unchanged fields' })).toBe(showUnchanged);
    expect(showUnchanged.getAttribute('aria-pressed')).toBe('true');
    await user.keyboard(' ');
    expect(screen.queryByText('domain')).toBeNull();
    expect(showUnchanged.getAttribute('aria-pressed')).toBe('false');
  });

  it('cuts a long value and keeps the full value one click away', async () => {
    const user = userEvent.setup();
    const long = 'x'.repeat(400);
    renderRow({ ...base, before: { note: 'short' }, after: { note: long } });
    await user.click(screen.getByRole('button', { name: /changes of/i }));
    const full = JSON.stringify(long);
    expect(screen.getByText(`(show all ${full.length} characters)`)).toBeTruthy();
    const pre = screen.getByText(full, { selector: 'pre' });
    expect(pre.closest('details')?.open).toBe(false);
  });

  it('shows details (an export’s filters and row count) when there is no before/after', async () => {
    const user = userEvent.setup();
    renderRow({ ...base, action: 'audit.export', details: { rows: 12, filters: 'tenant=acme-prod' } });
    await user.click(screen.getByRole('button', { name: /changes of audit\.export/i }));
    expect(screen.getByText('rows').nextElementSibling?.textContent).toBe('12');
    expect(screen.getByText('filters').nextElementSibling?.textContent).toBe('"tenant=acme-prod"');
    expect(screen.queryByRole('table', { name: /changes of/i })).toBeNull();
  });

  it('has no disclosure for an entry with nothing to expand', () => {
    const { container } = renderRow(base);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.querySelectorAll('tr')).toHaveLength(1);
  });

  it('marks tenant rows with data-tenant-id, and tenant-less entries (a failed login) with none', () => {
    const { container, unmount } = renderRow(changed);
    const rows = container.querySelectorAll('tr');
    expect(Array.from(rows, (row) => row.getAttribute('data-tenant-id'))).toEqual(['acme-prod', 'acme-prod']);
    unmount();
    const failed = renderRow({
      ...base,
      tenantId: null,
      userId: null,
      role: null,
      action: 'login.failed',
      result: 'failure',
    });
    expect(failed.container.querySelector('[data-tenant-id]')).toBeNull();
    expect(screen.getByText('Failure')).toBeTruthy();
    expect(screen.getByText('portal')).toBeTruthy();
  });
});
