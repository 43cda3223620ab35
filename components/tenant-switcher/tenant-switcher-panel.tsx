'use client';

import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { filterTenants, type FilterResult, type IndexedTenant } from './filter-tenants';
import { TenantOption } from './tenant-option';
import styles from './tenant-switcher.module.css';
import { useListbox } from './use-listbox';
import { isModifierShortcut } from './use-shortcut';
import type { TenantPreferencesApi } from './use-tenant-preferences';

interface Props {
  id: string;
  index: readonly IndexedTenant[];
  activeTenantId: string | null;
  preferences: TenantPreferencesApi;
  inputRef: RefObject<HTMLInputElement | null>;
  isMac: boolean;
  onChoose: (tenant: PublicTenant) => void;
  onClose: (restoreFocus: boolean) => void;
}

/** The search combobox and its grouped listbox (WAI-ARIA combobox with aria-activedescendant). */
export function TenantSwitcherPanel({
  id,
  index,
  activeTenantId,
  preferences,
  inputRef,
  isMac,
  onChoose,
  onClose,
}: Props) {
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const result = useMemo(
    () => filterTenants(index, query, preferences.preferences),
    [index, query, preferences.preferences],
  );
  const options = useMemo(() => result.groups.flatMap((group) => group.tenants), [result]);
  const keys = useMemo(() => options.map((tenant) => tenant.tenantId), [options]);
  const optionId = useCallback((tenantId: string) => `${baseId}-option-${tenantId}`, [baseId]);
  const listbox = useListbox(keys, optionId);
  const activeOption = options.find((tenant) => tenant.tenantId === listbox.activeKey);
  const favourites = new Set(preferences.preferences.favourites);
  const favouriteShortcut = isMac ? '⌘D' : 'Ctrl+D';

  useEffect(() => {
    inputRef.current?.focus();
  }, [inputRef]);

  const toggleFavourite = (tenant: PublicTenant) => {
    const was = favourites.has(tenant.tenantId);
    preferences.toggleFavourite(tenant.tenantId);
    setAnnouncement(`${tenant.displayName} ${was ? 'removed from' : 'added to'} favourites`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') onClose(true);
    else if (event.key === 'Enter') {
      if (activeOption) onChoose(activeOption);
    } else if (isModifierShortcut(event, 'd')) {
      if (activeOption) toggleFavourite(activeOption);
    } else if (event.altKey || event.ctrlKey || event.metaKey || !listbox.handleKey(event.key)) return;
    event.preventDefault();
  };

  return (
    <div
      id={id}
      role="dialog"
      aria-label="Switch tenant"
      className={styles.panel}
      onBlur={(event) => {
        // Tabbing out closes; a click outside is handled by the parent's pointerdown listener.
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) onClose(false);
      }}
    >
      <label htmlFor={`${baseId}-input`} className="sr-only">
        Search tenants
      </label>
      <input
        id={`${baseId}-input`}
        ref={inputRef}
        className={styles.search}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${baseId}-listbox`}
        aria-activedescendant={listbox.activeKey === null ? undefined : optionId(listbox.activeKey)}
        aria-autocomplete="list"
        aria-describedby={`${baseId}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search by name, id, org id, region or group"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          listbox.setActiveKey(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${baseId}-hint`} className={styles.hint}>
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> switch · <kbd>{favouriteShortcut}</kbd> favourite ·{' '}
        <kbd>Esc</kbd> close
      </p>
      <div
        id={`${baseId}-listbox`}
        role="listbox"
        aria-label="Tenants"
        className={styles.listbox}
        // Keep focus in the input while clicking an option or a star.
        onMouseDown={(event) => event.preventDefault()}
      >
        {result.groups.map((group) => (
          <div key={group.key} role="group" aria-label={group.label} className={styles.group}>
            <div className={styles.groupLabel} aria-hidden="true">
              {group.label}
            </div>
            {group.tenants.map((tenant) => (
              <TenantOption
                key={tenant.tenantId}
                tenant={tenant}
                domId={optionId(tenant.tenantId)}
                active={tenant.tenantId === listbox.activeKey}
                current={tenant.tenantId === activeTenantId}
                favourite={favourites.has(tenant.tenantId)}
                favouriteShortcut={favouriteShortcut}
                onChoose={onChoose}
                onToggleFavourite={toggleFavourite}
                onHover={listbox.setActiveKey}
              />
            ))}
          </div>
        ))}
      </div>
      <p role="status" className={styles.summary}>
        {summaryOf(result, query, index.length)}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function summaryOf(result: FilterResult, query: string, granted: number): string {
  if (granted === 0) return 'No tenant is granted to your account yet.';
  if (result.total === 0) return `No tenant matches “${query.trim()}”.`;
  const hidden = result.total - result.shown;
  if (hidden > 0) return `${hidden} more — keep typing to narrow the list.`;
  if (query.trim() === '') return '';
  return `${result.total} ${result.total === 1 ? 'tenant matches' : 'tenants match'}.`;
}
