import type { ReactNode } from 'react';

/** One section of the editor: a wide panel that names its tenant, as every tenant-scoped root does. */
export function SettingsSection({
  id,
  tenantId,
  title,
  description,
  children,
}: {
  id: string;
  tenantId: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="panel panel-wide" id={id} data-tenant-id={tenantId} aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
      </header>
      {description ? <p className="muted">{description}</p> : null}
      {children}
    </section>
  );
}
