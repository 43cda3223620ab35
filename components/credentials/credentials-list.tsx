'use client';

import { useDeferredValue, useId, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import type { CredentialHealth, SourceStatusView, TenantCredentialView } from '@/lib/credentials/types';
import styles from './credentials.module.css';
import { HEALTH_LABELS, HealthBadge } from './health-badge';
import type { RotateAction } from './rotate-button';
import { TenantCredentialCard } from './tenant-credential-card';

interface Props {
  tenants: TenantCredentialView[];
  source: Pick<SourceStatusView, 'kind' | 'label'>;
  now: number;
  rotateAction?: RotateAction;
}

const HEALTH_ORDER: CredentialHealth[] = ['failing', 'attention', 'unused', 'healthy'];

const matches = (view: TenantCredentialView, text: string) =>
  [view.displayName, view.tenantId, view.environment, view.region, view.orgId].some((field) =>
    field.toLowerCase().includes(text),
  );

/** Every granted tenant (most serious first), with a filter: an admin may have hundreds. */
export function CredentialsList({ tenants, source, now, rotateAction }: Props) {
  const [query, setQuery] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const text = useDeferredValue(query.trim().toLowerCase());
  const id = useId();
  const counts = new Map<CredentialHealth, number>();
  for (const view of tenants) counts.set(view.health, (counts.get(view.health) ?? 0) + 1);
  const shown = tenants.filter(
    (view) =>
      (!attentionOnly || view.health === 'failing' || view.health === 'attention') && (!text || matches(view, text)),
  );

  return (
    <>
      <div className={styles.toolbar}>
        <p className={styles.summary} aria-label="Tenants by credential health">
          {tenants.length} tenant{tenants.length === 1 ? '' : 's'}:{' '}
          {HEALTH_ORDER.filter((health) => counts.has(health)).map((health) => (
            <span key={health}>
              <HealthBadge health={health} /> {counts.get(health)}{' '}
            </span>
          ))}
        </p>
        <div role="search" className={styles.filters}>
          <label htmlFor={`${id}-query`}>Filter tenants</label>
          <input
            id={`${id}-query`}
            type="search"
            value={query}
            placeholder="Name, id, region, org id"
            onChange={(event) => setQuery(event.target.value)}
          />
          <label>
            <input
              type="checkbox"
              checked={attentionOnly}
              onChange={(event) => setAttentionOnly(event.target.checked)}
            />{' '}
            Only {HEALTH_LABELS.failing.word.toLowerCase()} or {HEALTH_LABELS.attention.word.toLowerCase()}
          </label>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {shown.length} of {tenants.length} tenants shown
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No tenant matches">Change the filter to see more tenants.</EmptyState>
      ) : (
        <div className="panel-grid">
          {shown.map((view) => (
            <TenantCredentialCard
              key={view.tenantId}
              view={view}
              source={source}
              now={now}
              rotateAction={rotateAction}
            />
          ))}
        </div>
      )}
    </>
  );
}
