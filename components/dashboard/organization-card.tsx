import type { OrganizationSummary } from '@/lib/dashboard/types';
import { StatusBadge } from '@/components/ui/status-badge';
import { describeCountry, describeLanguage } from './format';
import styles from './section.module.css';

const stateTone = (state: string | null) => (state === 'active' ? 'ok' : state === 'deleted' ? 'error' : 'warn');

export function OrganizationCard({ org }: { org: OrganizationSummary }) {
  return (
    <dl className={styles.facts}>
      <dt>Name</dt>
      <dd>{org.name}</dd>
      <dt>Org id</dt>
      <dd>
        <code>{org.id}</code>
      </dd>
      <dt>Domain</dt>
      <dd>{org.domain ?? '—'}</dd>
      <dt>State</dt>
      <dd>{org.state ? <StatusBadge tone={stateTone(org.state)}>{org.state}</StatusBadge> : '—'}</dd>
      <dt>Platform</dt>
      <dd>{org.productPlatform ?? '—'}</dd>
      <dt>Language</dt>
      <dd>{describeLanguage(org.defaultLanguage)}</dd>
      <dt>Country</dt>
      <dd>{describeCountry(org.defaultCountryCode)}</dd>
      <dt>Version</dt>
      <dd>{org.version}</dd>
    </dl>
  );
}
