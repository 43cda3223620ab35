import type { CredentialHealthView } from '@/lib/dashboard/types';
import { StatusBadge, type Tone } from '@/components/ui/status-badge';
import { formatRelative, formatUtc } from '@/lib/format-time';
import styles from './section.module.css';

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatUtc(at)}>
      {formatRelative(at, now)}
    </time>
  );
}

function tokenStatus(h: CredentialHealthView): [Tone, string] {
  if (h.tokenExpiresAt === null) return ['muted', 'None yet'];
  return h.tokenExpiresAt > h.at ? ['ok', 'Valid'] : ['warn', 'Expired'];
}

const BINDING: Record<'none' | 'ok' | 'mismatch', [Tone, string]> = {
  none: ['muted', 'Not checked yet'],
  ok: ['ok', 'Verified'],
  mismatch: ['error', 'Wrong organization'],
};

const BREAKER: Record<CredentialHealthView['breaker'], [Tone, string]> = {
  closed: ['ok', 'Healthy'],
  'half-open': ['warn', 'Recovering'],
  open: ['error', 'Failing'],
};

export function CredentialHealth({ health }: { health: CredentialHealthView }) {
  const [tokenTone, tokenWord] = tokenStatus(health);
  const [bindingTone, bindingWord] = BINDING[health.binding === null ? 'none' : health.binding.ok ? 'ok' : 'mismatch'];
  const [breakerTone, breakerWord] = BREAKER[health.breaker];
  const now = health.at;
  return (
    <dl className={styles.facts}>
      <dt>Token</dt>
      <dd>
        <StatusBadge tone={tokenTone}>{tokenWord}</StatusBadge>
        {health.tokenExpiresAt !== null ? (
          <>
            {' '}
            {health.tokenExpiresAt > now ? 'expires ' : 'expired '}
            <When at={health.tokenExpiresAt} now={now} />
          </>
        ) : null}
      </dd>
      <dt>Last token</dt>
      <dd>{health.lastTokenAt === null ? '—' : <When at={health.lastTokenAt} now={now} />}</dd>
      <dt>Org binding</dt>
      <dd>
        <StatusBadge tone={bindingTone}>{bindingWord}</StatusBadge>
        {health.binding ? (
          <>
            {' '}
            <When at={health.binding.at} now={now} />
          </>
        ) : null}
      </dd>
      <dt>Tenant source</dt>
      <dd>
        <StatusBadge tone={breakerTone}>{breakerWord}</StatusBadge> (circuit {health.breaker})
      </dd>
      <dt>Rotation due</dt>
      <dd>{health.rotationDueAt === null ? 'Not rotating' : <When at={health.rotationDueAt} now={now} />}</dd>
      <dt>Last error</dt>
      <dd>
        {health.lastError === null ? (
          'None'
        ) : (
          <>
            <code>{health.lastError.code}</code> {health.lastError.message} (<When at={health.lastError.at} now={now} />
            )
          </>
        )}
      </dd>
    </dl>
  );
}
