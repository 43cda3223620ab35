'use client';

import { EnvironmentTag } from '@/components/tenants/environment-tag';
import { isProduction } from '@/lib/tenant-color';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import styles from './tenant-switcher.module.css';

interface Props {
  tenant: PublicTenant;
  domId: string;
  active: boolean;
  current: boolean;
  favourite: boolean;
  favouriteShortcut: string;
  onChoose: (tenant: PublicTenant) => void;
  onToggleFavourite: (tenant: PublicTenant) => void;
  onHover: (tenantId: string) => void;
}

/**
 * One option. It holds no focusable element (an option's content is presentational): the star
 * is a pointer shortcut, and keyboard and screen-reader users toggle it with Ctrl/⌘+D.
 */
export function TenantOption({ tenant, domId, active, current, favourite, favouriteShortcut, ...handlers }: Props) {
  const classes = [
    styles.option,
    active ? styles.active : '',
    isProduction(tenant.environment) ? styles.production : '',
  ];
  return (
    <div
      id={domId}
      role="option"
      aria-selected={active}
      aria-current={current ? 'true' : undefined}
      data-tenant-option={tenant.tenantId}
      className={classes.filter(Boolean).join(' ')}
      onClick={() => handlers.onChoose(tenant)}
      // mousemove, not mouseenter: a list scrolled by the keyboard must not steal the active option.
      onMouseMove={() => {
        if (!active) handlers.onHover(tenant.tenantId);
      }}
    >
      <span
        className={favourite ? `${styles.star} ${styles.starred}` : styles.star}
        aria-hidden="true"
        data-favourite-toggle={tenant.tenantId}
        title={`${favourite ? 'Remove from' : 'Add to'} favourites (${favouriteShortcut})`}
        onClick={(event) => {
          event.stopPropagation();
          handlers.onToggleFavourite(tenant);
        }}
      >
        {favourite ? '★' : '☆'}
      </span>
      <span className={styles.optionBody}>
        <span className={styles.optionName}>{tenant.displayName}</span>
        <span className={styles.optionMeta}>
          {tenant.tenantId} · {tenant.region}
          {tenant.group ? ` · ${tenant.group}` : ''}
        </span>
      </span>
      {favourite ? <span className="sr-only">, favourite,</span> : null}
      <EnvironmentTag environment={tenant.environment} />
      {current ? <span className={`tag ${styles.activeBadge}`}>Active</span> : null}
    </div>
  );
}
