// Token-endpoint errors use the OAuth shape, not ErrorBody (genesys-api.md §3). The body
// carries both `description` (what Genesys sends) and `error_description` (RFC 6749).
import { jsonResponse } from '../http/response';

export type OAuthError = { status: number; error: string; description: string };

export const oauthErrorResponse = (failure: OAuthError, correlationId: string): Response =>
  jsonResponse(
    failure.status,
    { error: failure.error, description: failure.description, error_description: failure.description },
    correlationId,
  );

// 401 for any client-authentication failure is UNVERIFIED (the documented example shows a 400
// body that may be a copy-paste); 401 invalid_client is the RFC 6749 §5.2 answer.
export const invalidClient = (description = 'client authentication failed'): OAuthError => ({
  status: 401,
  error: 'invalid_client',
  description,
});

export const invalidRequest = (description: string): OAuthError => ({
  status: 400,
  error: 'invalid_request',
  description,
});

export const unsupportedGrantType = (grant: string): OAuthError => ({
  status: 400,
  error: 'unsupported_grant_type',
  description: `unsupported grant type: ${grant.slice(0, 100)}`,
});

export const unauthorizedClient = (): OAuthError => ({
  status: 400,
  error: 'unauthorized_client',
  description: 'client is not authorized to use the client_credential grant type',
});
