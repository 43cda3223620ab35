import { ErrorPanel } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import type { FeatureAccess, PermissionProbeResult } from '@/lib/credentials/types';
import { formatUtc } from '@/lib/format-time';
import styles from './credentials.module.css';

function Access({ feature }: { feature: FeatureAccess }) {
  switch (feature.state) {
    case 'ok':
      return <StatusBadge tone="ok">Usable</StatusBadge>;
    case 'missing':
      return (
        <>
          <StatusBadge tone="error">Missing permission</StatusBadge>{' '}
          {feature.missingPermissions.length > 0 ? (
            feature.missingPermissions.map((permission) => <code key={permission}>{permission}</code>)
          ) : (
            <span className="muted">not named by Genesys Cloud</span>
          )}
        </>
      );
    default:
      return (
        <>
          <StatusBadge tone="warn">Could not check</StatusBadge> <span className="muted">{feature.reason}</span>
        </>
      );
  }
}

/** Per portal feature: usable, the permission to grant to the tenant's OAuth client, or unknown. */
export function ProbeResults({ result, displayName }: { result: PermissionProbeResult; displayName: string }) {
  if (!result.token.ok) {
    return (
      <ErrorPanel
        title="No token, so no feature could be checked"
        message={`${result.token.message} (${result.token.code})`}
      />
    );
  }
  const usable = result.features.filter((feature) => feature.state === 'ok').length;
  return (
    <div className={styles.probe}>
      <p>
        <strong>
          {usable} of {result.features.length} features usable
        </strong>{' '}
        <span className="muted">
          probed <time dateTime={new Date(result.probedAt).toISOString()}>{formatUtc(result.probedAt)}</time>
        </span>
      </p>
      <table className="data">
        <caption className="sr-only">What the OAuth client of {displayName} can do in the portal</caption>
        <thead>
          <tr>
            <th scope="col">Portal feature</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {result.features.map((feature) => (
            <tr key={feature.id} data-feature={feature.id} data-state={feature.state}>
              <td>{feature.label}</td>
              <td>
                <Access feature={feature} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {usable < result.features.length ? (
        <p className="muted">
          To enable a feature, add the missing permission to a role held by this tenant&apos;s OAuth client in Genesys
          Cloud (Admin &gt; Roles / Permissions; the client&apos;s roles are under Admin &gt; OAuth), then probe again.
        </p>
      ) : null}
    </div>
  );
}
