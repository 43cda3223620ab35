'use client';

import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';

/** True when `event` is Ctrl+<letter> (or ⌘+<letter> on a Mac), with no other modifier. */
export function isModifierShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  letter: string,
): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === letter;
}

/** Ctrl+K / ⌘K anywhere on the page. Registered once; the latest handler always runs. */
export function useGlobalShortcut(letter: string, onShortcut: () => void): void {
  const run = useEffectEvent(onShortcut);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isModifierShortcut(event, letter)) return;
      // The browser's own Ctrl+K (focus the address bar search) would steal the keystroke.
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [letter]);
}

const noSubscription = () => () => {};
const detectMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Mac users read ⌘; the server renders "Ctrl" and the client corrects it after hydration. */
export function useIsMac(): boolean {
  return useSyncExternalStore(noSubscription, detectMac, () => false);
}
