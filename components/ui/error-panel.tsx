interface Props {
  title?: string;
  message: string;
  requestId?: string;
  /** Genesys permissions the tenant's OAuth client lacks (upstream 403). */
  missingPermissions?: string[];
  /** Only from client components: a server component cannot pass a function. */
  onRetry?: () => void;
}

/** Every failure says what happened, gives the request id to quote, and offers a retry. */
export function ErrorPanel({ title = 'Could not load this', message, requestId, missingPermissions, onRetry }: Props) {
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
      {missingPermissions && missingPermissions.length > 0 ? (
        <p>
          Missing Genesys permission{missingPermissions.length > 1 ? 's' : ''}:{' '}
          {missingPermissions.map((permission) => (
            <code key={permission}>{permission}</code>
          ))}
        </p>
      ) : null}
      {requestId ? (
        <p className="muted">
          Request id: <code>{requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
