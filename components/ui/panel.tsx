import type { ReactNode } from 'react';

/** A titled dashboard section; `id` makes it linkable and names it for screen readers. */
export function Panel({
  id,
  title,
  actions,
  children,
  wide,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={wide ? 'panel panel-wide' : 'panel'} aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
