// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RotateButton } from '@/components/credentials/rotate-button';
import type { RotateActionState } from '@/lib/credentials/types';

afterEach(cleanup);

// happy-dom's <dialog> has showModal() and close(), but not a browser's Escape key on a modal
// dialog: this does what the browser does (a cancelable `cancel` event, then close()).
function escapeClosesModalDialog(event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  const dialog = document.querySelector('dialog[open]');
  if (dialog instanceof HTMLDialogElement && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) {
    dialog.close();
  }
}
beforeAll(() => document.addEventListener('keydown', escapeClosesModalDialog));
afterAll(() => document.removeEventListener('keydown', escapeClosesModalDialog));

/** Settles a pending request inside act, letting its promise chain run before asserting. */
const answer = (settle: () => void) =>
  act(async () => {
    settle();
    await Promise.resolve();
  });

const AT = Date.UTC(2025, 2, 1, 12, 0);
const rotated: RotateActionState = {
  status: 'done',
  tenantId: 'acme-sandbox',
  requestId: 'req-7',
  at: AT,
  ok: true,
  reread: { ok: true },
  secretChanged: true,
  clientIdChanged: false,
  tokenEvicted: true,
  token: { ok: true, expiresAt: AT + 23 * 3_600_000 },
};

/** An action the test settles by hand, recording what each submission sent. */
function deferredAction() {
  const calls: Array<{ tenantId: FormDataEntryValue | null; settle: (state: RotateActionState) => void }> = [];
  const action = vi.fn(
    (_previous: RotateActionState, form: FormData) =>
      new Promise<RotateActionState>((resolve) => calls.push({ tenantId: form.get('tenantId'), settle: resolve })),
  );
  return { action, calls };
}

describe('RotateButton', () => {
  it('submits the tenant, shows the pending state, then the result', async () => {
    const { action, calls } = deferredAction();
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(calls.map((c) => c.tenantId)).toEqual(['acme-sandbox']);
    const pending = await screen.findByRole('button', { name: 'Rotating…' });
    expect(pending.getAttribute('aria-busy')).toBe('true');
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(pending); // a second press while rotating sends nothing
    expect(calls).toHaveLength(1);

    await answer(() => calls[0]!.settle(rotated));
    expect(await screen.findByText('Rotated')).toBeTruthy();
    expect(screen.getByText('Credentials re-read: the client secret changed.')).toBeTruthy();
    expect(screen.getByText(/Token evicted; a new token is valid until 2025-03-02 11:00 UTC \(in 23 h\)/)).toBeTruthy();
    expect(screen.getByText('req-7')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rotate now' })).toBe(document.activeElement);
  });

  it('asks before rotating a production tenant in a modal dialog, focused on Cancel; closing returns focus', async () => {
    const { action, calls } = deferredAction();
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    render(<RotateButton tenantId="acme-prod" displayName="Acme Prod" production action={action} />);
    const opener = screen.getByRole('button', { name: 'Rotate now' });
    expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(false);

    await userEvent.click(opener);
    // Modal (showModal, not show): the browser contains focus and makes the page behind inert.
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(true);
    expect(screen.getByRole('alertdialog', { name: 'Rotate the credentials of Acme Prod?' })).toBe(dialog);
    expect(dialog.textContent).toContain('production tenant');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(calls).toHaveLength(0);

    await userEvent.click(opener);
    expect(dialog.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(calls).toHaveLength(0);

    await userEvent.click(opener);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate production credentials' }));
    expect(calls.map((c) => c.tenantId)).toEqual(['acme-prod']);
    expect(dialog.open).toBe(false);
    expect(await screen.findByRole('button', { name: 'Rotating…' })).toBe(document.activeElement);
    await answer(() => calls[0]!.settle({ ...rotated, tenantId: 'acme-prod' }));
    expect(await screen.findByText('Rotated')).toBeTruthy();
    showModal.mockRestore();
  });

  it('has no dialog for a tenant that is not production', () => {
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={vi.fn()} />);
    expect(document.querySelector('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Rotate now' }).getAttribute('aria-haspopup')).toBeNull();
  });

  it('says when the rotation happened but could not be audited', async () => {
    const action = vi.fn((): Promise<RotateActionState> => Promise.resolve({ ...rotated, auditFailed: true }));
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(await screen.findByText('Rotated')).toBeTruthy();
    expect(screen.getByText(/The rotation happened but could not be recorded in the audit log/)).toBeTruthy();
    expect(screen.getByText('req-7')).toBeTruthy();
  });

  it('shows a refusal with its request id', async () => {
    const action = vi.fn((): Promise<RotateActionState> =>
      Promise.resolve({
        status: 'refused',
        tenantId: 'acme-sandbox',
        requestId: 'req-9',
        code: 'forbidden',
        message: 'Your role cannot rotate credentials.',
      }),
    );
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(await screen.findByText('Not rotated')).toBeTruthy();
    expect(screen.getByText('Your role cannot rotate credentials.')).toBeTruthy();
    expect(screen.getByText('req-9')).toBeTruthy();
  });

  it('says when the credentials were re-read but no new token could be had', async () => {
    const action = vi.fn((): Promise<RotateActionState> =>
      Promise.resolve({
        ...rotated,
        ok: false,
        token: {
          ok: false,
          code: 'credentials_invalid',
          message: 'The token endpoint rejected the client credentials',
        },
      }),
    );
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(await screen.findByText('Rotated, but no new token')).toBeTruthy();
    expect(screen.getByText('Token evicted.')).toBeTruthy();
    expect(screen.getByText(/rejected the client credentials \(credentials_invalid\)/)).toBeTruthy();
  });

  it('says what stopped a failed rotation', async () => {
    const action = vi.fn((): Promise<RotateActionState> =>
      Promise.resolve({
        status: 'done',
        tenantId: 'acme-sandbox',
        requestId: 'req-3',
        at: AT,
        ok: false,
        reread: { ok: false, message: 'x' },
        secretChanged: false,
        clientIdChanged: false,
        tokenEvicted: false,
        token: null,
        failure: {
          code: 'reread_failed',
          message: 'Could not re-read the credentials: boom. The current token was kept.',
        },
      }),
    );
    render(<RotateButton tenantId="acme-sandbox" displayName="Acme Sandbox" production={false} action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(await screen.findByText('Rotation failed')).toBeTruthy();
    expect(screen.getByText(/The current token was kept/)).toBeTruthy();
    expect(screen.queryByText('The token was evicted.')).toBeNull();
  });
});
