import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'error' | 'muted' | 'info';

/** Colour is never the only signal: the badge always carries a word. */
export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
