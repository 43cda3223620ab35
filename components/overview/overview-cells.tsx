import type { ReactNode } from 'react';
import { grantHint, retryAfterText } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatUtc } from '@/lib/format-time';
import type { Field, FieldError, PermissionReport, TenantOverview, TokenStatus } from '@/lib/overview/types';
import { BudgetMeter } from './budget-meter';
import styles from './overview.module.css';

function Detail({ children }: { children: ReactNode }) {
  return <span className={styles.detail}>{children}</span>;
}

/** A part of the row that failed on its own: what happened and the request to quote. */
function FieldFailure({ field, requestId }: { field: FieldError; requestId: string }) {
  const hint = grantHint(field);
  const wait = retryAfterText(field.retryAfterSeconds);
  return (
    <>
      <StatusBadge tone="error">Unavailable</StatusBadge>
      <Detail>
        {field.message}
        {field.missingPermissions?.length ? <> Missing: {field.missingPermissions.join(', ')}.</> : null}
        {hint ? <> {hint}</> : null}
        {wait ? <> {wait}</> : null} Request id: <code>{requestId}</code>
      </Detail>
    </>
  );
}

const NotChecked = () => (
  <span className="muted" title="Not checked: the tenant has no working token">
    —<span className="sr-only">not checked, the token is failing</span>
  </span>
);

function cell<T>(field: Field<T>, requestId: string, render: (value: T) => ReactNode): ReactNode {
  if (field.state === 'ok') return render(field.value);
  if (field.state === 'error') return <FieldFailure field={field} requestId={requestId} />;
  return <NotChecked />;
}

const cellState = (field: { state: string }) =>
  field.state === 'ok' ? 'ok' : field.state === 'error' ? 'error' : 'skipped';

export function TokenCell({ token, onRecheck }: { token: TokenStatus; onRecheck: () => void }) {
  if (token.state === 'ok')
    return (
      <td data-cell="token" data-state="ok">
        <StatusBadge tone="ok">OK</StatusBadge>
      </td>
    );
  return (
    <td data-cell="token" data-state="error">
      <StatusBadge tone="error">{token.state === 'binding_mismatch' ? 'Binding mismatch' : 'Failing'}</StatusBadge>
      <Detail>
        <code>{token.code}</code> {token.message}
      </Detail>
      <button type="button" onClick={onRecheck}>
        Check again
      </button>
    </td>
  );
}

// The probe names each permission; the page says once where an admin grants it.
const GRANT_WHERE =
  "Grant these to a role of this tenant's OAuth client in Genesys Cloud (Admin > Roles / Permissions).";

function Permissions({ report }: { report: PermissionReport }) {
  const { missing, unknown, featureCount } = report;
  return (
    <>
      {missing.length === 0 ? (
        <StatusBadge tone={unknown.length === 0 ? 'ok' : 'muted'}>
          {unknown.length === 0 ? `All ${featureCount} features` : 'None missing so far'}
        </StatusBadge>
      ) : (
        <details>
          <summary>
            <StatusBadge tone="warn">
              {missing.length} feature{missing.length === 1 ? '' : 's'} limited
            </StatusBadge>
          </summary>
          <ul className={styles.gaps}>
            {missing.map((gap) => (
              <li key={gap.id}>
                {gap.label}:{' '}
                {gap.permissions.length > 0
                  ? gap.permissions.map((permission) => <code key={permission}>{permission} </code>)
                  : 'a role of the OAuth client'}
              </li>
            ))}
          </ul>
          <p className={styles.grantWhere}>{GRANT_WHERE}</p>
        </details>
      )}
      {unknown.length > 0 ? (
        <Detail>
          {unknown.length} not checked ({[...new Set(unknown.map((u) => u.reason))].join(', ')})
        </Detail>
      ) : null}
    </>
  );
}

export function DataCells({ data, onRecheck }: { data: TenantOverview; onRecheck: () => void }) {
  const { requestId } = data;
  return (
    <>
      <TokenCell token={data.token} onRecheck={onRecheck} />
      <td data-cell="permissions" data-state={cellState(data.permissions)}>
        {cell(data.permissions, requestId, (report) => (
          <Permissions report={report} />
        ))}
      </td>
      <td data-cell="users" data-state={cellState(data.users)}>
        {cell(data.users, requestId, (users) => users.total.toLocaleString('en'))}
      </td>
      <td data-cell="budget" data-state={cellState(data.budget)}>
        {cell(data.budget, requestId, (budget) => (
          <BudgetMeter budget={budget} />
        ))}
      </td>
      <td data-cell="last-error">
        {data.lastError ? (
          <>
            <code>{data.lastError.code}</code>
            <Detail>{data.lastError.message}</Detail>
            <Detail>
              <time dateTime={new Date(data.lastError.at).toISOString()}>{formatUtc(data.lastError.at)}</time>
            </Detail>
          </>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </>
  );
}
