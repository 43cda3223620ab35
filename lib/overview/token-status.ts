/**
 * Token status for the overview, from a real acquisition: the provider's grant + binding check
 * (or its cached token). A wait is bounded: a hung token endpoint makes the row say so within
 * `waitMs` instead of holding it; the shared flight goes on for whoever needs it next.
 */
import { GenesysApiError, TenantAccessError } from '../genesys/errors';
import type { TenantConnection, TokenProvider } from '../genesys/ports';
import type { TokenStatus } from './types';

// The token's org id is not repeated here: a user with tenant.view only has no business
// learning which other organization the pasted credentials belong to (admins see it in health).
const BINDING_MESSAGE =
  "The tenant's credentials belong to another Genesys Cloud organization; the token was discarded.";

/** A token-related failure as the overview shows it; undefined when `error` is of another kind. */
export function tokenFailure(error: unknown): Exclude<TokenStatus, { state: 'ok' }> | undefined {
  if (error instanceof TenantAccessError) {
    if (error.code === 'tenant_binding_mismatch')
      return { state: 'binding_mismatch', code: error.code, message: BINDING_MESSAGE };
    return { state: 'failing', code: error.code, message: error.message };
  }
  // A token the provider handed out, then rejected twice by the API (re-acquired once in between).
  if (error instanceof GenesysApiError && error.status === 401)
    return { state: 'failing', code: 'upstream_auth_failed', message: 'Genesys Cloud rejected the tenant token.' };
  return undefined;
}

/** The same wording for the health store's last error (its binding message names the org). */
export const publicErrorMessage = (code: string, message: string) =>
  code === 'tenant_binding_mismatch' ? BINDING_MESSAGE : message;

export async function checkToken(
  provider: TokenProvider,
  connection: TenantConnection,
  { waitMs, signal }: { waitMs: number; signal?: AbortSignal },
): Promise<TokenStatus> {
  const timeout = AbortSignal.timeout(waitMs);
  try {
    const token = await provider.getToken(connection, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    return { state: 'ok', expiresAt: token.expiresAt };
  } catch (error) {
    if (signal?.aborted) throw error; // the caller went away: nothing to report to
    if (timeout.aborted)
      return {
        state: 'failing',
        code: 'token_timeout',
        message: `No token within ${Math.ceil(waitMs / 1000)} s: the token endpoint is slow or unreachable.`,
      };
    return (
      tokenFailure(error) ?? { state: 'failing', code: 'token_error', message: 'The token could not be acquired.' }
    );
  }
}
