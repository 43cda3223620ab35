import { formatUtc } from '@/lib/format-time';
import styles from './credentials.module.css';
import { RefreshButton } from './refresh-button';

export function CredentialsHeader({ now }: { now: number }) {
  return (
    <header className={`page-header ${styles.pageHeader}`}>
      <div>
        <h1>Credentials &amp; health</h1>
        <p>
          Each tenant&apos;s OAuth client as this portal instance sees it, as of{' '}
          <time dateTime={new Date(now).toISOString()}>{formatUtc(now)}</time>.
        </p>
      </div>
      <RefreshButton />
    </header>
  );
}
