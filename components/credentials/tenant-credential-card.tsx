import { EnvironmentTag } from '@/components/tenants/environment-tag';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatInterval } from '@/lib/credentials/format';
import type { SourceStatusView, TenantCredentialView } from '@/lib/credentials/types';
import { BreakerBadge } from './breaker-state';
import styles from './credentials.module.css';
import { HealthBadge } from './health-badge';
import { PermissionProbe } from './permission-probe';
import { RotateButton, type RotateAction } from './rotate-button';
import { SOURCE_KIND } from './source-panel';
import { TimeStamp } from './time-stamp';

interface Props {
  view: TenantCredentialView;
  source: Pick<SourceStatusView, 'kind' | 'label'>;
  now: number;
  /** Absent when the user's role cannot rotate: no button rather than a refusal. */
  rotateAction?: RotateAction;
}

function Token({ view, now }: { view: TenantCredentialView; now: number }) {
  const { lastAt, expiresAt } = view.token;
  if (lastAt === null) return <>None requested by this instance yet</>;
  return (
    <>
      Acquired <TimeStamp at={lastAt} now={now} />
      {expiresAt !== null ? (
        <>
          <br />
          {expiresAt > now ? 'Used until' : 'Expired'} <TimeStamp at={expiresAt} now={now} />
          {expiresAt <= now ? <span className="muted"> (a new one is requested on next use)</span> : null}
        </>
      ) : null}
    </>
  );
}

function Binding({ view, now }: { view: TenantCredentialView; now: number }) {
  const { binding } = view;
  if (binding.state === 'not-checked') return <StatusBadge tone="muted">Not checked yet</StatusBadge>;
  const when = binding.at !== null ? <TimeStamp at={binding.at} now={now} /> : null;
  if (binding.state === 'ok') {
    return (
      <>
        <StatusBadge tone="ok">Bound</StatusBadge> token reports this org, checked {when}
      </>
    );
  }
  // The other org's id is in the view only for a user granted every tenant (lib/credentials/overview.ts).
  return (
    <>
      <StatusBadge tone="error">Mismatch</StatusBadge>{' '}
      {binding.reportedOrgId ? (
        <>
          token reports org <code>{binding.reportedOrgId}</code>
        </>
      ) : (
        'bound to another organization'
      )}
      , expected <code>{view.orgId}</code>; checked {when}
    </>
  );
}

function Rotation({ view, now }: { view: TenantCredentialView; now: number }) {
  if (!view.rotation) return <>No scheduled re-read</>;
  const overdue = view.rotation.dueAt <= now;
  return (
    <span className={overdue ? styles.overdue : undefined}>
      {overdue ? (
        <>
          <StatusBadge tone="warn">Overdue</StatusBadge> Re-read was due
        </>
      ) : (
        'Next re-read'
      )}{' '}
      <TimeStamp at={view.rotation.dueAt} now={now} />{' '}
      <span className="muted">({formatInterval(view.rotation.intervalMs)})</span>
    </span>
  );
}

function LastError({ view, now }: { view: TenantCredentialView; now: number }) {
  const { lastError } = view;
  if (!lastError) return <>None recorded</>;
  return (
    <>
      <StatusBadge tone={lastError.recovered ? 'muted' : 'error'}>
        {lastError.recovered ? 'Recovered' : 'Current'}
      </StatusBadge>{' '}
      <code>{lastError.code}</code> {lastError.message} <TimeStamp at={lastError.at} now={now} />
    </>
  );
}

/** One tenant's credential health: facts a support engineer can quote, and the two actions. */
export function TenantCredentialCard({ view, source, now, rotateAction }: Props) {
  const titleId = `credentials-${view.tenantId}-title`;
  return (
    <section
      className={`panel ${styles.card}`}
      aria-labelledby={titleId}
      data-tenant-id={view.tenantId}
      data-health={view.health}
    >
      <header className="panel-header">
        <h2 id={titleId}>{view.displayName}</h2>
        <HealthBadge health={view.health} />
      </header>
      <p className="muted">
        <code>{view.tenantId}</code> · {view.region} · <EnvironmentTag environment={view.environment} />
      </p>
      {view.reasons.length > 0 && view.health !== 'unused' ? (
        <ul className={styles.reasons}>
          {view.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <dl className={styles.facts}>
        <dt>Source</dt>
        <dd>
          {SOURCE_KIND[source.kind]} <code>{source.label}</code>
          {view.breaker !== 'closed' ? (
            <>
              {' '}
              <BreakerBadge state={view.breaker} />
            </>
          ) : null}
        </dd>
        <dt>OAuth client</dt>
        <dd>
          <code title="Only the end of the client id is shown">{view.clientIdHint}</code>
        </dd>
        <dt>Token</dt>
        <dd>
          <Token view={view} now={now} />
        </dd>
        <dt>Binding check</dt>
        <dd>
          <Binding view={view} now={now} />
        </dd>
        <dt>Rotation</dt>
        <dd>
          <Rotation view={view} now={now} />
        </dd>
        <dt>Last error</dt>
        <dd>
          <LastError view={view} now={now} />
        </dd>
      </dl>
      <div className={styles.actions}>
        <PermissionProbe tenantId={view.tenantId} displayName={view.displayName} />
        {rotateAction ? (
          <RotateButton
            tenantId={view.tenantId}
            displayName={view.displayName}
            production={view.environment === 'production'}
            action={rotateAction}
          />
        ) : null}
      </div>
    </section>
  );
}
