/**
 * Token status for the overview, from a real acquisition: the provider's grant + binding check
 * (or its cached token). A wait is bounded: a hung token endpoint makes the row say so within
 * `waitMs` instead of holding it; the shared flight goes on for whoever needs it next.
 */
import { GenesysApiError, TenantAccessError } from '../genesys/errors';
import type { TenantConnection, TokenProvider } from '../genesys/ports';
import type { TokenStatus } from './types';

/**
 * A token-related failure as the overview shows it; undefined when `error` is of another kind.
 * A binding mismatch's message never names the org the token belongs to (token-acquire keeps
 * that id for the log and the operators' health record), so every message is shown as thrown.
 */
export function tokenFailure(error: unknown): Exclude<TokenStatus, { state: 'ok' }> | undefined {
  if (error instanceof TenantAccessError) {
    const state = error.code === 'tenant_binding_mismatch' ? 'binding_mismatch' : 'failing';
    return { state, code: error.code, message: error.message };
  }
  // A token the provider handed out, then rejected twice by the API (re-acquired once in between).
  if (error instanceof GenesysApiError && error.status === 401)
    return { state: 'failing', code: 'upstream_auth_failed', message: 'Genesys Cloud rejected the tenant token.' };
  return undefined;
}

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
