import type { OAuthClientSummary } from '@/lib/dashboard/types';
import { StatusBadge } from '@/components/ui/status-badge';
import styles from './section.module.css';

/** Shown in full up to this many; beyond it the panel says how many more there are. */
const SHOWN = 8;

export function OAuthClientList({ summary }: { summary: OAuthClientSummary }) {
  if (summary.total === 0) return <p className={styles.note}>No OAuth clients.</p>;
  const hidden = summary.total - Math.min(SHOWN, summary.clients.length);
  return (
    <>
      <p className={styles.summary}>
        {summary.total} client{summary.total === 1 ? '' : 's'}
      </p>
      <ul className={styles.plainList}>
        {summary.clients.slice(0, SHOWN).map((client, i) => (
          <li key={`${i}-${client.name}`}>
            <span>
              {client.name} <span className="tag">{client.grantType}</span>
            </span>
            {client.state ? (
              <StatusBadge tone={client.state === 'active' ? 'ok' : 'muted'}>{client.state}</StatusBadge>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className={styles.note}>and {hidden} more</p> : null}
    </>
  );
}
