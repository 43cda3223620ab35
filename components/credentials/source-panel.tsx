import { Panel } from '@/components/ui/panel';
import type { SourceStatusView } from '@/lib/credentials/types';
import { BREAKER, BreakerBadge } from './breaker-state';
import styles from './credentials.module.css';
import { TimeStamp } from './time-stamp';

export const SOURCE_KIND: Record<SourceStatusView['kind'], string> = {
  file: 'Tenants file',
  'config-service': 'Config service',
};

/** Where every tenant's credentials come from; one source (and one breaker) for all tenants. */
export function SourcePanel({ source, now }: { source: SourceStatusView; now: number }) {
  return (
    <Panel id="credential-source" title="Credential source" wide>
      <dl className={styles.facts}>
        <dt>Source</dt>
        <dd>
          {SOURCE_KIND[source.kind]} <code>{source.label}</code>
        </dd>
        <dt>Last read</dt>
        <dd>{source.loadedAt === null ? 'Never read successfully' : <TimeStamp at={source.loadedAt} now={now} />}</dd>
        <dt>Circuit breaker</dt>
        <dd>
          <BreakerBadge state={source.breaker} /> <span className="muted">{BREAKER[source.breaker].meaning}</span>
        </dd>
        <dt>Last source error</dt>
        <dd>
          {source.lastError ? (
            <>
              {source.lastError.message} <TimeStamp at={source.lastError.at} now={now} />
            </>
          ) : (
            'None since the last successful read'
          )}
        </dd>
      </dl>
      {source.skipped.length > 0 ? (
        <div className="notice error" role="status">
          <strong>
            {source.skipped.length} problem{source.skipped.length > 1 ? 's' : ''} in the source: these entries were
            skipped
          </strong>
          <ul>
            {source.skipped.map((problem, index) => (
              <li key={`${problem.tenant}-${problem.field}-${index}`}>
                <code>{problem.tenant}</code> {problem.field}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Panel>
  );
}
