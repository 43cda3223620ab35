import { memo } from 'react';
import { EnvironmentTag } from '@/components/tenants/environment-tag';
import { grantHint, retryAfterText } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { DataCells } from './overview-cells';
import { rowStatus, shownData, type RowState } from './rows';
import styles from './overview.module.css';

const DATA_CELLS = ['token', 'permissions', 'users', 'budget', 'last-error'] as const;

function LoadingCells() {
  return DATA_CELLS.map((name) => (
    <td key={name} data-cell={name} data-state="loading">
      <Skeleton width="70%" height="1.1rem" />
    </td>
  ));
}

function RowError({ state, onRetry }: { state: Extract<RowState, { status: 'error' }>; onRetry: () => void }) {
  const { error } = state;
  const hint = grantHint(error);
  const wait = retryAfterText(error.retryAfterSeconds);
  return (
    <td colSpan={DATA_CELLS.length} data-cell="error" data-state="error">
      <div className={styles.rowError}>
        <p>
          <strong>Could not load this tenant.</strong> {error.message}
        </p>
        {error.missingPermissions?.length ? <p>Missing: {error.missingPermissions.join(', ')}</p> : null}
        {hint ? <p>{hint}</p> : null}
        {wait ? <p>{wait}</p> : null}
        {error.requestId ? (
          <p className="muted">
            Request id: <code>{error.requestId}</code>
          </p>
        ) : null}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    </td>
  );
}

interface Props {
  tenant: PublicTenant;
  state: RowState;
  onRetry: (tenantId: string) => void;
}

/**
 * One tenant, with its own state: `data-state` loading | ok | error (error: the row could not be
 * loaded, or the tenant has no working token) and `data-status` the finer reason.
 */
export const OverviewRow = memo(function OverviewRow({ tenant, state, onRetry }: Props) {
  const data = shownData(state);
  const status = rowStatus(state);
  const retry = () => onRetry(tenant.tenantId);
  return (
    <tr
      className={styles.row}
      data-tenant-id={tenant.tenantId}
      data-state={state.status === 'loading' ? 'loading' : status === 'ok' ? 'ok' : 'error'}
      data-status={status}
      aria-busy={state.status === 'loading' || undefined}
    >
      <th scope="row">
        <span className={styles.tenantName}>{tenant.displayName}</span>
        <span className={styles.tenantMeta}>
          <code>{tenant.tenantId}</code>
        </span>
      </th>
      <td>{tenant.region}</td>
      <td>
        <EnvironmentTag environment={tenant.environment} />
      </td>
      {state.status === 'error' ? (
        <RowError state={state} onRetry={retry} />
      ) : data ? (
        <DataCells data={data} onRecheck={retry} />
      ) : (
        <LoadingCells />
      )}
    </tr>
  );
});
