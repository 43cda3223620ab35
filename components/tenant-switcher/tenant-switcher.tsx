'use client';

import { unstable_rethrow } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, useTransition } from 'react';
import { useActiveTenant } from '@/components/portal/active-tenant';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { indexTenants } from './filter-tenants';
import { preferencesKey } from './tenant-preferences';
import { TenantSwitcherPanel } from './tenant-switcher-panel';
import styles from './tenant-switcher.module.css';
import { useGlobalShortcut, useIsMac } from './use-shortcut';
import { useTenantPreferences } from './use-tenant-preferences';

export interface TenantSwitcherProps {
  tenants: PublicTenant[];
  activeTenantId: string | null;
  /** The switch server action (form field `tenantId`); it redirects to the new dashboard. */
  action: (form: FormData) => Promise<void>;
  /** Keys the favourites and recents in localStorage, so each user keeps their own. */
  userId?: string;
}

/** The banner's "Switch tenant" button, its Ctrl/⌘+K shortcut, the search panel and switch progress. */
export function TenantSwitcher({ tenants, activeTenantId, action, userId }: TenantSwitcherProps) {
  const { beginSwitch, cancelSwitch, switchingTo } = useActiveTenant();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // useTransition's, not React's global startTransition: only this one hands an error thrown by the
  // action (Next's redirect signal) to the nearest error boundary, where Next's RedirectBoundary waits.
  const [, startTransition] = useTransition();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const isMac = useIsMac();
  const index = useMemo(() => indexTenants(tenants), [tenants]);
  const grantedIds = useMemo(() => new Set(tenants.map((tenant) => tenant.tenantId)), [tenants]);
  const preferences = useTenantPreferences(preferencesKey(userId), grantedIds);
  // The context, not the transition, says when a switch is over: it clears in the same render that
  // shows the new tenant, while a transition may stay pending a little longer (React entangles them).
  const busy = switchingTo !== null;
  const target = tenants.find((tenant) => tenant.tenantId === switchingTo);

  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  };
  const show = () => {
    if (busy) return;
    setFailure(null);
    setOpen(true);
    inputRef.current?.focus(); // already open: Ctrl+K returns to the search
    inputRef.current?.select();
  };
  useGlobalShortcut('k', show);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = (tenant: PublicTenant) => {
    close(true);
    if (tenant.tenantId === activeTenantId || busy) return;
    preferences.addRecent(tenant.tenantId);
    setFailure(null);
    beginSwitch(tenant.tenantId);
    const form = new FormData();
    form.set('tenantId', tenant.tenantId);
    startTransition(async () => {
      try {
        await action(form);
      } catch (error) {
        // A successful switch rejects with Next's redirect signal: let the router handle it.
        unstable_rethrow(error);
        cancelSwitch();
        setFailure(failureMessage(tenant, error));
        return;
      }
      // Next rejects an action that redirected, so resolving means no switch happened.
      cancelSwitch();
    });
  };

  const shortcut = isMac ? '⌘K' : 'Ctrl K';
  return (
    <div ref={rootRef} className={styles.root}>
      <button
        ref={triggerRef}
        type="button"
        className={styles.trigger}
        aria-label={`Switch tenant (${isMac ? 'Command+K' : 'Ctrl+K'})`}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        // aria-disabled, not disabled: the button keeps focus while the switch runs.
        aria-disabled={busy || undefined}
        onClick={() => (open ? close(false) : show())}
      >
        Switch tenant <kbd className={styles.kbd}>{shortcut}</kbd>
      </button>
      <span role="status" className={styles.progress}>
        {busy ? (
          <>
            <span className={styles.spinner} aria-hidden="true" />
            Switching to {target ? <strong>{target.displayName}</strong> : 'another tenant'}…
          </>
        ) : null}
      </span>
      {failure ? (
        <p role="alert" className={styles.failure}>
          {failure}{' '}
          <button type="button" className={styles.dismiss} onClick={() => setFailure(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      {open ? (
        <TenantSwitcherPanel
          id={panelId}
          index={index}
          activeTenantId={activeTenantId}
          preferences={preferences}
          inputRef={inputRef}
          isMac={isMac}
          onChoose={choose}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

function failureMessage(tenant: PublicTenant, error: unknown): string {
  // Production builds replace server error messages with a digest; it lets support find the log.
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : null;
  const reason = 'Your access may have changed or the portal is unreachable. Try again.';
  return `Could not switch to ${tenant.displayName}. ${reason}${digest ? ` (reference ${digest})` : ''}`;
}
