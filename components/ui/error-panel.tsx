interface Props {
  title?: string;
  message: string;
  requestId?: string;
  /** The portal's error code; `upstream_forbidden` (a Genesys 403) says where to grant. */
  code?: string;
  /** Genesys permissions the tenant's OAuth client lacks (upstream 403). */
  missingPermissions?: string[];
  /** A 429's Retry-After: how long Genesys Cloud asked the portal to wait. */
  retryAfterSeconds?: number;
  /** Only from client components: a server component cannot pass a function. */
  onRetry?: () => void;
}

interface FailureText {
  code?: string;
  message: string;
  missingPermissions?: string[];
}

// The 403 messages of lib/genesys (missingPermissionsMessage) already name the admin screens;
// a raw upstream 403 message does not.
const SAYS_WHERE = /Admin\s*>/;

/**
 * Where to grant what an upstream 403 found missing, unless the message already says it;
 * undefined when the failure is not a missing Genesys permission.
 */
export function grantHint({ code, message, missingPermissions = [] }: FailureText): string | undefined {
  if (code !== 'upstream_forbidden' && missingPermissions.length === 0) return undefined;
  if (SAYS_WHERE.test(message)) return undefined;
  const what =
    missingPermissions.length === 0
      ? 'Grant the missing permission'
      : `Grant ${missingPermissions.length > 1 ? 'them' : 'it'}`;
  return `${what} to a role of this tenant's OAuth client in Genesys Cloud (Admin > Roles / Permissions).`;
}

/** What a 429's Retry-After asks for, in words; undefined without one. */
export function retryAfterText(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return `Genesys Cloud asks to wait ${Math.ceil(seconds)} s before retrying.`;
}

/**
 * Every failure says what happened, what to do about it (the permission to grant and where, how
 * long to wait), gives the request id to quote, and offers a retry.
 */
export function ErrorPanel({
  title = 'Could not load this',
  message,
  requestId,
  code,
  missingPermissions,
  retryAfterSeconds,
  onRetry,
}: Props) {
  const hint = grantHint({ code, message, missingPermissions });
  const wait = retryAfterText(retryAfterSeconds);
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
      {hint ? <p>{hint}</p> : null}
      {wait ? <p>{wait}</p> : null}
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
