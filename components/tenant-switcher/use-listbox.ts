'use client';

import { useEffect, useState } from 'react';

const PAGE_SIZE = 10;

export interface Listbox {
  /** The key of the active option: the chosen one while it is still listed, else the first. */
  activeKey: string | null;
  setActiveKey: (key: string | null) => void;
  /** Moves the active option for ArrowUp/Down, Home/End, PageUp/Down; false for other keys. */
  handleKey: (key: string) => boolean;
}

/**
 * Active-option state of a listbox driven from a combobox input (aria-activedescendant): focus
 * stays in the input, so typing and moving never fight. Arrows wrap; Page keys step by ten.
 */
export function useListbox(keys: readonly string[], domIdOf: (key: string) => string): Listbox {
  const [chosen, setActiveKey] = useState<string | null>(null);
  const activeKey = chosen !== null && keys.includes(chosen) ? chosen : (keys[0] ?? null);

  useEffect(() => {
    if (activeKey === null) return;
    // happy-dom and older engines may lack scrollIntoView; it is a nicety, not behaviour.
    document.getElementById(domIdOf(activeKey))?.scrollIntoView?.({ block: 'nearest' });
  }, [activeKey, domIdOf]);

  const handleKey = (key: string): boolean => {
    const last = keys.length - 1;
    if (last < 0) return key === 'ArrowDown' || key === 'ArrowUp';
    const current = activeKey === null ? -1 : keys.indexOf(activeKey);
    const target = targetIndex(key, current, last);
    if (target === null) return false;
    setActiveKey(keys[target] ?? null);
    return true;
  };

  return { activeKey, setActiveKey, handleKey };
}

function targetIndex(key: string, current: number, last: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return current >= last ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? last : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, current + PAGE_SIZE);
    case 'PageUp':
      return Math.max(0, current - PAGE_SIZE);
    default:
      return null;
  }
}
