'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

export interface RowWindow {
  /** Indexes of the rows to render, in order. */
  indexes: number[];
  /** Heights (px) of the rows left out above and below, kept as spacer rows. */
  before: number;
  after: number;
}

// Before the scroller is measured (server render, first paint) assume a typical viewport, so
// the first rows render at once instead of after a measuring pass.
const INITIAL_HEIGHT = 640;

/**
 * The rows of a scroll container worth rendering: all of them below the threshold, else only
 * those in view plus an overscan (@tanstack/react-virtual, fixed row height).
 */
export function useRowWindow({
  count,
  enabled,
  rowHeight,
  scrollRef,
}: {
  count: number;
  enabled: boolean;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
}): RowWindow {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during this render only, never memoised
  const virtualizer = useVirtualizer({
    count,
    enabled,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: { width: 0, height: INITIAL_HEIGHT },
  });
  if (!enabled) return { indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0 };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return {
    indexes: items.map((item) => item.index),
    before: first ? first.start : 0,
    after: last ? virtualizer.getTotalSize() - last.end : 0,
  };
}
